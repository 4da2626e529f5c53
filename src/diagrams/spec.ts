/**
 * A diagram as stored with an exercise: a base position, the views to draw, two or more keyframes
 * (partial poses in clinician terms, layered over the base position's own pose), the joints whose
 * path gets an arrow, props, and the side the picture shows working. Plain JSON, validated here.
 */
import { z } from 'zod'

export const basePositions = [
  'standing',
  'sitting',
  'supine',
  'prone',
  'side-lying-left',
  'side-lying-right',
  'half-kneeling',
  'tall-kneeling',
  'quadruped',
] as const
export type BasePosition = (typeof basePositions)[number]
export const views = ['side', 'front', 'top', 'three-quarter'] as const
export type View = (typeof views)[number]

/**
 * Limb angles. `forearmPronation` is 0 with the thumb up, +90 palm down, −90 palm up; left out it is −90,
 * the palm-up forearm older specs were drawn with (wristExtension moves the hand towards the back of the
 * hand, so on all fours with the palm down and no pronation given, negative values bend the wrist back).
 * `fingerFlexion` runs from 0 (open) to 100 (a fist), `fingerSpread` fans the fingers (degrees),
 * `toeFlexion` curls the toes (− lifts them), `ankleInversion` rolls the sole inwards (− outwards),
 * `scapulaElevation` lifts the shoulder girdle (a shrug) and `scapulaRetraction` draws it back (− forward).
 */
export const limbAngleNames = [
  'hipFlexion',
  'hipAbduction',
  'hipExternalRotation',
  'kneeFlexion',
  'ankleDorsiflexion',
  'shoulderFlexion',
  'shoulderAbduction',
  'shoulderExternalRotation',
  'elbowFlexion',
  'wristExtension',
  'forearmPronation',
  'ankleInversion',
  'fingerFlexion',
  'fingerSpread',
  'toeFlexion',
  'scapulaElevation',
  'scapulaRetraction',
] as const
export type LimbAngleName = (typeof limbAngleNames)[number]
/**
 * Axial angles; `bodyLean` tips a standing body forward from the ankles in one straight line (a wall push-up,
 * a calf stretch); `neckRetraction` slides the head straight back with the eyes level (a chin tuck; − pokes it forward);
 * `pelvicTilt` rocks the pelvis on the thighs, turning it and the whole spine above it about the hip axis while the
 * thighs stay put (posterior +: the tail tucks under; − tips it up). With `trunkFlexion` it shapes the back: lying
 * down the lower back lifts off the floor or flattens, on hands and knees the back rounds up or sags.
 */
export const axialAngleNames = [
  'trunkFlexion',
  'trunkSideBend',
  'trunkRotation',
  'neckFlexion',
  'neckSideBend',
  'neckRotation',
  'bodyLean',
  'neckRetraction',
  'pelvicTilt',
] as const
export type AxialAngleName = (typeof axialAngleNames)[number]

/** Joints a spec can name (arrows, props, pushes); `waist` is the lower back, whose path shows a back rounding or sagging. */
export const jointNames = [
  'pelvis',
  'waist',
  'chest',
  'neckBase',
  'headTop',
  ...(['left', 'right'] as const).flatMap((s) =>
    (['Hip', 'Knee', 'Ankle', 'Toe', 'Shoulder', 'Elbow', 'Wrist', 'Hand'] as const).map((j) => `${s}${j}` as const),
  ),
] as const
export type JointName = (typeof jointNames)[number]

const angle = z.number().min(-180).max(180)
const limbInput = z.strictObject(
  Object.fromEntries(limbAngleNames.map((k) => [k, angle.optional()])) as Record<
    LimbAngleName,
    z.ZodOptional<typeof angle>
  >,
)
export const keyframeSchema = z.strictObject({
  ...(Object.fromEntries(axialAngleNames.map((k) => [k, angle.optional()])) as Record<
    AxialAngleName,
    z.ZodOptional<typeof angle>
  >),
  left: limbInput.optional(),
  right: limbInput.optional(),
})
export type Keyframe = z.infer<typeof keyframeSchema>

const joint = z.enum(jointNames)
export const propKinds = [
  'mat',
  'chair',
  'wall',
  'table',
  'step',
  'ball',
  'pillow',
  'towel',
  'band',
  'weight',
  'foam roll',
  'stick',
  'push',
  'marble',
  'cup',
] as const
/** Where an isometric push goes, in the body's own terms ("out" is away from the midline). */
export const pushDirections = ['front', 'behind', 'out', 'in', 'up', 'down'] as const
export const propSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mat') }),
  /** A chair: under the pelvis when sitting, otherwise its backrest under `at` (a hand held on it). */
  z.strictObject({ kind: z.literal('chair'), at: joint.optional() }),
  /** A wall touching `at` (the back, a hand), on the side of the body that joint faces. */
  z.strictObject({ kind: z.literal('wall'), at: joint }),
  z.strictObject({ kind: z.literal('table'), at: joint }),
  z.strictObject({ kind: z.literal('step'), at: joint }),
  z.strictObject({ kind: z.literal('ball'), at: joint, size: z.enum(['small', 'large']).optional() }),
  z.strictObject({ kind: z.literal('pillow'), at: joint }),
  /** A rolled towel under `at`, or a towel held between `at` and `to` (both hands, a hand and a foot). */
  z.strictObject({ kind: z.literal('towel'), at: joint, to: joint.optional() }),
  /** A stick (wand, cane) held between two joints, usually both hands. */
  z.strictObject({ kind: z.literal('stick'), from: joint, to: joint }),
  z.strictObject({ kind: z.literal('foam roll'), at: joint }),
  z.strictObject({ kind: z.literal('weight'), at: joint }),
  /** A band from a joint to another joint (held in both hands, looped round the knees) or to an anchor point. */
  z.strictObject({
    kind: z.literal('band'),
    from: joint,
    to: joint.optional(),
    anchor: z.enum(['front', 'behind', 'side', 'across', 'floor', 'above']).optional(),
  }),
  /** A marble at `at` (held in the curled toes), with two more lying on the floor ahead of where that joint starts. */
  z.strictObject({ kind: z.literal('marble'), at: joint }),
  /** A cup standing on the floor under where `at` is in the last pose (a foot dropping a marble into it). */
  z.strictObject({ kind: z.literal('cup'), at: joint }),
  /** An isometric push: `at` presses `toward` a direction against something that does not give (a wall, a hand). */
  z.strictObject({ kind: z.literal('push'), at: joint, toward: z.enum(pushDirections) }),
])
export type Prop = z.infer<typeof propSchema>

/**
 * What a body part rests on, as a clinician says it: `head`, `shoulders` (upper back lying face up, chest
 * face down, the lower shoulder on the side), `pelvis` (buttocks, belly or the lower hip; the waist counts
 * here), and per side a flat `Foot` (heel and toes down), a `Heel` (toes up), `Toes` (heel up, or the top
 * of the foot lying face down), a `Knee`, a `Forearm` (the elbow down) or a `Hand`.
 */
export const supportPartNames = [
  'head',
  'shoulders',
  'pelvis',
  ...(['left', 'right'] as const).flatMap((s) =>
    (['Foot', 'Heel', 'Toes', 'Knee', 'Forearm', 'Hand'] as const).map((p) => `${s}${p}` as const),
  ),
] as const
export type SupportPart = (typeof supportPartNames)[number]
/** Props a part can rest on or hold: `rightHand@chair`, `pelvis@chair` (seated), `leftFoot@step`, `pelvis@wall`. */
export const supportPropKinds = ['chair', 'wall', 'table', 'step', 'ball', 'pillow', 'towel', 'foam roll'] as const
const supportName = z
  .string()
  .regex(
    new RegExp(`^(${supportPartNames.join('|')})(@(${supportPropKinds.join('|')}))?$`),
    'A support is a body part (leftFoot, rightHeel, pelvis, shoulders, head, ...) on the floor, or part@prop (rightHand@chair).',
  )
export const detailParts = [
  'hand',
  'wrist',
  'forearm',
  'ankle',
  'foot',
  'neck',
  'shoulder blades',
  'knee',
  'lower back',
] as const
export type DetailPart = (typeof detailParts)[number]
export const detailSchema = z.strictObject({ part: z.enum(detailParts), side: z.enum(['left', 'right']).optional() })
export type Detail = z.infer<typeof detailSchema>

/** The longest frame label: a few words that fit under a frame at print size. */
export const LABEL_MAX = 40

export const diagramSpecSchema = z
  .strictObject({
    base: z.enum(basePositions),
    /** One or two views to draw; left out, they are chosen from the movement (see visibility.ts). */
    views: z.array(z.enum(views)).min(1).max(2).optional(),
    keyframes: z.array(keyframeSchema).min(2, 'A diagram needs a start and an end pose.').max(4),
    moving: z.array(joint).max(2),
    props: z.array(propSchema).max(6),
    /** The side the picture shows working; the handout mirrors it for the other side. */
    side: z.enum(['left', 'right']).optional(),
    /**
     * How a movement is drawn: numbered start and end frames side by side (the default), or the start as a pale
     * outline under the end (`overlay`), which reads better for a small arc of one limb.
     */
    display: z.enum(['frames', 'overlay']).optional(),
    /**
     * What should touch the floor or a prop in each keyframe (one list per keyframe, or one list for all):
     * checked against the drawing by the library test, so a figure cannot float, sink or lose its hold.
     */
    supports: z.union([z.array(z.array(supportName)).min(2).max(4), z.array(supportName)]).optional(),
    /** A zoomed panel of a small part whose motion the whole figure is too small to show (see inset.ts). */
    detail: detailSchema.optional(),
    /**
     * Raises the camera of the side and front views (degrees above the floor): a body lying face down seen from
     * its head end with the camera up shows arms lifting out to the side, which a level camera sees end-on.
     */
    elevation: z.number().int().min(0).max(75).optional(),
    /**
     * A few words under each numbered frame for what a drawing cannot show for sure (palm up or down, feet
     * together, hips stay down): one per keyframe, "" for none. Printed after "1 Start", "2 Finish".
     */
    labels: z
      .array(z.string().trim().max(LABEL_MAX, `A frame label has at most ${LABEL_MAX} characters.`))
      .min(2)
      .max(4)
      .optional(),
    /** What follows the last frame: back to the start (the default) or a step with the other foot (walking). */
    cycle: z.enum(['return', 'walk']).optional(),
    /**
     * How the motion arrow is drawn: along the path the moving joint takes (the default), or `straight` from where it
     * starts to where it ends, for a pull or push straight back or forward whose joint swings on an arc (a row: an
     * arrow following the hand's dip or the elbow's swing round the waist read as a twist), or `clear`: along the path,
     * moved off the body into the nearest white space when it would lie on it (a PEMAT-P rater found arrowheads on the
     * foot of a reverse clamshell and inside the hip and arm of a bridge).
     */
    arrow: z.enum(['path', 'straight', 'clear']).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.labels && spec.labels.length !== spec.keyframes.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: `Give one label per pose: ${spec.keyframes.length} poses, ${spec.labels.length} labels.`,
      })
    }
  })
export type DiagramSpec = z.infer<typeof diagramSpecSchema>
