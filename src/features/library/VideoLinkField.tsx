import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconLink, IconLinkOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import type { Exercise } from '../../core/exercise'
import { withoutPath } from '../../core/issues'
import { shortLink } from '../../core/video-link'

/**
 * The clinic's video link for an exercise, printed on handouts as a QR code with the link under it. A refusal is
 * shown by the field (the typed text kept, to correct), never also as a pop-up.
 */
export function VideoLinkField({ exercise, onChanged }: { exercise: Exercise; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation('library')
  const api = useQuietApi()
  const [url, setUrl] = useState(exercise.videoUrl ?? '')
  const [error, setError] = useState<string>()
  const [note, setNote] = useState<string>()
  const [busy, setBusy] = useState(false)

  const send = async (next: string | null) => {
    setBusy(true)
    const result = await api.setExerciseVideo({ exerciseId: exercise.id, url: next })
    setBusy(false)
    if (!result.ok) {
      setNote(undefined)
      return setError(withoutPath(result.error))
    }
    setError(undefined)
    const saved = result.value.videoUrl
    setUrl(saved ?? '')
    setNote(saved ? t('video.saved', { link: shortLink(saved) }) : t('video.removed'))
    await onChanged()
  }

  return (
    <Stack gap={4}>
      <TextInput
        label={t('video.label')}
        description={t('video.hint')}
        value={url}
        error={error}
        onChange={(e) => {
          setUrl(e.currentTarget.value)
          setNote(undefined)
        }}
        onKeyDown={(e) => e.key === 'Enter' && void send(url)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          leftSection={<IconLink size={14} />}
          loading={busy}
          disabled={url.trim() === (exercise.videoUrl ?? '') && !error}
          onClick={() => void send(url)}
        >
          {t('video.save')}
        </Button>
        {exercise.videoUrl && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconLinkOff size={14} />}
            disabled={busy}
            onClick={() => void send(null)}
          >
            {t('video.remove')}
          </Button>
        )}
      </Group>
      {note && (
        <Text size="xs" c="teal" role="status">
          {note}
        </Text>
      )}
    </Stack>
  )
}
