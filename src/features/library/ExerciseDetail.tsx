import { Anchor, Badge, Button, Drawer, Group, List, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy, IconEdit, IconPhotoPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { dosageLine } from '../../core/dosage-format'
import type { Dosage } from '../../core/dosage'
import type { Exercise } from '../../core/exercise'
import { DosageEditor } from '../../components/DosageEditor'
import { ExerciseFigure } from './ExerciseFigure'
import { FavouriteStar } from './LibraryPage'
import { useLibrary } from '../../app/library-context'
import { VideoLinkField } from './VideoLinkField'
import { vocabWord } from './words'
import { useDoseWords } from '../../app/use-dose-words'
import { useNameInLanguage } from '../../app/use-name-in-language'

function Section({ title, items, ordered }: { title: string; items: string[]; ordered?: boolean }) {
  if (items.length === 0) return null
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <List type={ordered ? 'ordered' : 'unordered'} spacing={4} size="sm">
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </div>
  )
}

/** One exercise in full: what the patient will read, plus the clinician's actions. */
export function ExerciseDetail({
  exercise,
  onClose,
  onEdit,
  onOpen,
}: {
  exercise: Exercise
  onClose: () => void
  onEdit: (e: Exercise) => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation('library')
  const { t: word } = useTranslation('common')
  const doseWords = useDoseWords()
  const nameIn = useNameInLanguage()
  const api = useApi()
  const { byId, refresh } = useLibrary()
  const [author, setAuthor] = useState('')
  const [dosage, setDosage] = useState<Dosage>()
  const custom = exercise.source === 'custom'
  const links = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is Exercise => !!e)
  const duplicate = () =>
    void api.duplicateExercise({ id: exercise.id }).then(async (r) => {
      if (!r.ok) return
      await refresh()
      notifications.show({ color: 'teal', message: t('detail.made', { name: r.value.name }) })
      onEdit(r.value)
    })
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Group gap="xs">
          <Title order={3}>{nameIn(exercise)}</Title>
          <FavouriteStar exercise={exercise} />
        </Group>
      }
    >
      <Stack gap="md">
        <ExerciseFigure exercise={exercise} height={200} detailed />
        <Group gap={6}>
          {exercise.regions.map((r) => (
            <Badge key={r} variant="light">
              {vocabWord(word, 'region', r)}
            </Badge>
          ))}
          <Badge variant="outline" color="gray">
            {vocabWord(word, 'position', exercise.position)}
          </Badge>
          <Badge variant="outline" color="gray">
            {vocabWord(word, 'type', exercise.type)}
          </Badge>
          <Badge variant="outline" color="gray">
            {vocabWord(word, 'difficulty', exercise.difficulty)}
          </Badge>
          {exercise.equipment
            .filter((e) => e !== 'none')
            .map((e) => (
              <Badge key={e} variant="outline" color="gray">
                {vocabWord(word, 'equipment', e)}
              </Badge>
            ))}
        </Group>
        {exercise.aliases.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('detail.alsoCalled', { names: exercise.aliases.join(', ') })}
          </Text>
        )}
        <Group gap="xs">
          <Text size="sm">
            <b>{t('detail.usualDosage')}</b> {dosageLine(exercise.defaultDosage, doseWords) || t('detail.notSet')}
          </Text>
          {dosage === undefined && (
            <Button size="compact-xs" variant="subtle" onClick={() => setDosage(exercise.defaultDosage)}>
              {t('detail.change')}
            </Button>
          )}
        </Group>
        {dosage !== undefined && (
          <Stack gap="xs">
            <DosageEditor value={dosage} onChange={setDosage} />
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() =>
                  void api.setDefaultDosage({ id: exercise.id, dosage }).then(async (r) => {
                    if (!r.ok) return
                    setDosage(undefined)
                    await refresh()
                  })
                }
              >
                {t('detail.saveDosage')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDosage(undefined)}>
                {t('detail.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        <VideoLinkField key={exercise.id} exercise={exercise} onChanged={refresh} />
        <Section title={t('detail.steps')} items={exercise.steps} ordered />
        <Section title={t('detail.tips')} items={exercise.cues} />
        <Section title={t('detail.cautions')} items={exercise.cautions} />
        {(exercise.progressions.length > 0 || exercise.regressions.length > 0) && (
          <Text size="sm">
            {links(exercise.progressions).map((e) => (
              <span key={e.id}>
                {t('detail.harder')} <Anchor onClick={() => onOpen(e.id)}>{nameIn(e)}</Anchor>.{' '}
              </span>
            ))}
            {links(exercise.regressions).map((e) => (
              <span key={e.id}>
                {t('detail.easier')} <Anchor onClick={() => onOpen(e.id)}>{nameIn(e)}</Anchor>.{' '}
              </span>
            ))}
          </Text>
        )}
        {exercise.images.map((image) => (
          <Text key={image.file} size="xs" c="dimmed">
            {t(image.caption ? 'detail.photoWithCaption' : 'detail.photo', {
              caption: image.caption,
              author: image.author,
              licence: image.licence,
            })}
          </Text>
        ))}
        <Group>
          {custom ? (
            <>
              <Button leftSection={<IconEdit size={16} />} onClick={() => onEdit(exercise)}>
                {t('detail.edit')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconTrash size={16} />}
                color="red"
                onClick={() =>
                  void api.deleteExercise({ id: exercise.id }).then(async (r) => r.ok && (await refresh(), onClose()))
                }
              >
                {t('detail.delete')}
              </Button>
            </>
          ) : (
            <Button leftSection={<IconCopy size={16} />} onClick={duplicate}>
              {t('detail.makeOwn')}
            </Button>
          )}
        </Group>
        {custom && (
          <Group align="flex-end">
            <TextInput
              label={t('detail.photoBy')}
              placeholder={t('detail.photoByPlaceholder')}
              value={author}
              onChange={(e) => setAuthor(e.currentTarget.value)}
            />
            <Button
              variant="default"
              leftSection={<IconPhotoPlus size={16} />}
              disabled={!author.trim()}
              onClick={() =>
                void api
                  .attachExercisePhoto({ id: exercise.id, author, licence: 'Own photo, clinic use' })
                  .then(async (r) => void (r.ok && (await refresh())))
              }
            >
              {t('detail.addPhoto')}
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  )
}
