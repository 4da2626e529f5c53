import { useTranslation } from 'react-i18next'

/** The Homeplan mark: a house outline with a figure stepping forward. Also drawn into resources/icon.svg. */
export function Logo({ size = 32 }: { size?: number }) {
  const { t } = useTranslation('app')
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label={t('shell.logo')}>
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-teal-7, #0c8599)" />
      <path d="M12 30 L32 13 L52 30 V51 H12 Z" fill="none" stroke="#fff" strokeWidth="4" strokeLinejoin="round" />
      <circle cx="32" cy="25" r="3.6" fill="#fff" />
      <path
        d="M32 29 L30 39 L24 46 M30 39 L37 45 M31 32 L25 35 M31 32 L38 33"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
