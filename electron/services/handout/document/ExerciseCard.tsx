import { Image, Text, View } from '@react-pdf/renderer'
import { dosageLine } from '../../../../src/core/dosage-format'
import { itemTitle } from '../../../../src/core/handout-model'
import { handoutT } from '../../../../src/i18n'
import { positions } from '../../../../src/core/exercise'
import { cardLayout, photoColumn, type CardProps } from './card-layout'
import { List, RunIn } from './card-text'
import { CardPicture } from './CardPicture'
import { VideoBlock } from './VideoBlock'

/** What a card prints, built once for the whole card (ExerciseCard) and for its pieces (cardPieces). */
export function cardElements(props: CardProps) {
  const { item, index, s, language = 'en' } = props
  const t = handoutT(language)
  const estimated = cardLayout(props)
  const { hold, dose, compact } = estimated
  const position = positions.find((p) => p === item.position)
  const start = position ? t(`common:vocab.position.${position}`) : item.position
  const chosen =
    compact && props.share !== undefined && item.diagram
      ? estimated.ranked.find((p) => p.share === props.share)
      : undefined
  // `stack`: the picture above the text whatever its size, for a card taller than a page that breaks between its pieces.
  const stack = props.stack === true
  const plan =
    stack && estimated.plan
      ? { ...(chosen ?? estimated.plan), placement: 'above' as const }
      : (chosen ?? estimated.plan)
  const under = stack ? 0 : (props.under ?? estimated.under)
  const closing = [
    compact ? (
      <RunIn key="tips" label={t('card.tips')} items={item.cues} s={s} />
    ) : (
      <List key="tips" label={t('card.tips')} items={item.cues} s={s} marker="•" />
    ),
    compact ? (
      <RunIn key="careful" label={t('card.careful')} items={item.cautions} s={s} />
    ) : (
      <List key="careful" label={t('card.careful')} items={item.cautions} s={s} marker="!" />
    ),
    item.notes ? (
      <View key="note" style={s.note}>
        <Text>
          <Text style={{ fontWeight: 700 }}>{`${t('card.fromTherapist')} `}</Text>
          {item.notes}
        </Text>
      </View>
    ) : null,
  ]
  const title = () => (
    <View style={s.cardTitle}>
      <Text style={s.number}>{index + 1}</Text>
      <Text style={s.name}>{itemTitle(item)}</Text>
    </View>
  )
  // On the next page, at body size and without the clinical name: enough to say whose steps these are, in little room.
  const continued = (
    <View style={s.cardTitle}>
      <Text style={s.number}>{index + 1}</Text>
      <Text style={[s.name, { fontSize: s.page.fontSize }]}>
        {t('card.continued', { name: item.title ?? item.name })}
      </Text>
    </View>
  )
  const large = props.layout === 'large'
  const photo = item.image ? (
    <Image style={s.figureImage} src={item.image} />
  ) : (
    <Text style={s.figureText}>{start ? t('card.startingPosition', { position: start }) : t('card.willShow')}</Text>
  )
  const picture =
    !item.image && item.diagram ? (
      <CardPicture plan={plan!} s={s} hold={hold} video={item.video} large={large} language={language}>
        {under ? closing.slice(closing.length - under) : null}
      </CardPicture>
    ) : item.video ? (
      // The photo (or placeholder) and the video under it, in the photo's column.
      <View style={{ width: s.figure.width, marginRight: s.figure.marginRight, marginBottom: 6 }} wrap={false}>
        <View style={[s.figure, { width: '100%', marginRight: 0 }]}>{photo}</View>
        <VideoBlock url={item.video} width={photoColumn(props)} s={s} large={large} language={language} />
      </View>
    ) : (
      <View style={s.figure}>{photo}</View>
    )
  return {
    t,
    dose,
    compact,
    under,
    closing,
    title,
    continued,
    picture,
    plan,
    hold,
    above: stack || plan?.placement === 'above',
  }
}

/** One exercise as a block of the page (see CardProps), whole or, given `breakable`, going on over the next page. */
export function ExerciseCard(props: CardProps) {
  const { item, s, breakable = false, startsPage = breakable } = props
  const { t, dose, compact, under, closing, title, picture, above } = cardElements(props)
  const shorthand = props.shorthand ?? false
  return (
    <View style={s.card} wrap={breakable} break={startsPage}>
      {above ? (
        // A card that breaks keeps its title with its picture: the title alone at the foot of a page read as lost.
        <View wrap={false}>
          {title()}
          {picture}
        </View>
      ) : (
        title()
      )}
      <View style={[s.cardBody, above ? { flexDirection: 'column' } : {}]}>
        {above ? null : picture}
        {/* Under a picture (a column) flex: 1 would collapse the text to no height; beside it, it takes the rest of the row. */}
        <View style={above ? {} : s.text}>
          <List label={compact ? undefined : t('card.howToDoIt')} items={item.steps} s={s} />
          {compact ? (
            <Text style={s.runIn}>
              <Text style={s.dose}>{`${t('card.howMuch')}: `}</Text>
              <Text style={s.dose}>{dose}</Text>
            </Text>
          ) : (
            <View wrap={false}>
              <Text style={s.label}>{t('card.howMuch')}</Text>
              <Text style={s.dose}>{dose}</Text>
            </View>
          )}
          {shorthand ? <Text style={s.doseLine}>{dosageLine(item.dosage, t)}</Text> : null}
          {closing.slice(0, closing.length - under)}
        </View>
      </View>
    </View>
  )
}
