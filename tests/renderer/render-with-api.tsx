import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { render, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import type { ReactElement, ReactNode } from 'react'
import { createApiClient } from '../../src/app/api-client'
import { ApiProvider } from '../../src/app/api-context'
import { LibraryProvider } from '../../src/app/library-context'
import { RosterProvider } from '../../src/app/roster-context'
import { fakeApi, type FakeApi } from './fake-api'

export interface RenderWithApiOptions {
  /** The api the component talks to: by default the real services on a fresh temp folder (see fakeApi). */
  api?: FakeApi
  /** Wraps the component in the roster's provider, as the patients and settings pages are. */
  roster?: boolean
  /** Wraps the component in the library's provider, as the library page and the builder are. */
  library?: boolean
}

/**
 * Renders `ui` as the app mounts it: Mantine, the pop-up notifications, and an api client whose failed calls
 * become pop-ups (as in App), with the plain api as the quiet one. Returns the api (spied) and a user-event
 * session beside Testing Library's result; `rerender` keeps the same providers.
 */
export function renderWithApi(
  ui: ReactElement,
  options: RenderWithApiOptions = {},
): RenderResult & { api: FakeApi; user: UserEvent } {
  const api = options.api ?? fakeApi()
  const client = createApiClient(api, (error) =>
    notifications.show({ color: 'red', title: 'Something went wrong', message: error.message }),
  )
  function Providers({ children }: { children: ReactNode }) {
    let tree = children
    if (options.library) tree = <LibraryProvider>{tree}</LibraryProvider>
    if (options.roster) tree = <RosterProvider>{tree}</RosterProvider>
    return (
      <MantineProvider>
        <Notifications />
        <ApiProvider api={client} quiet={api}>
          {tree}
        </ApiProvider>
      </MantineProvider>
    )
  }
  return Object.assign(render(ui, { wrapper: Providers }), { api, user: userEvent.setup() })
}
