import type { resources } from './resources'

// Keys are checked by the compiler: t('common:vocab.position.supine') compiles, a misspelt key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: (typeof resources)['en']
  }
}
