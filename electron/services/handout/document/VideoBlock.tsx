import { Path, Svg, Text, View } from '@react-pdf/renderer'
import { shortLink } from '../../../../src/core/video-link'
import type { makeStyles } from './styles'
import { handoutT } from '../../../../src/i18n'
import type { HandoutLanguage } from '../../../../src/core/languages'
import { QUIET_ZONE, linkParts, qrModules, qrPath, qrSide, videoArrangement } from './video-qr'

type Styles = ReturnType<typeof makeStyles>

/**
 * The clinic's video for an exercise, under its picture: a QR code to scan and the link to type (without
 * "https://"), wrapping inside `width` pt. Kept whole on one page.
 */
export function VideoBlock({
  url,
  width,
  s,
  large,
  language = 'en',
}: {
  url: string
  width: number
  s: Styles
  large: boolean
  language?: HandoutLanguage
}) {
  const modules = qrModules(url)
  const n = modules.length + 2 * QUIET_ZONE
  const side = qrSide(modules.length, large)
  const { beside, textWidth } = videoArrangement(width, side, large)
  return (
    <View style={[s.video, { width, flexDirection: beside ? 'row' : 'column' }]} wrap={false}>
      <Svg width={side} height={side} viewBox={`0 0 ${n} ${n}`}>
        <Path d={qrPath(modules)} fill="#000000" />
      </Svg>
      <View style={beside ? { width: textWidth, marginLeft: 8 } : { width: textWidth, marginTop: 2 }}>
        <Text style={s.videoLabel}>{handoutT(language)('picture.video')}</Text>
        <Text style={s.videoLink} hyphenationCallback={linkParts}>
          {shortLink(url)}
        </Text>
      </View>
    </View>
  )
}
