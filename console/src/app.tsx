import { useEffect, useState } from 'preact/hooks';
import { authState, signedOut, subscribeAuth } from './api/auth-store.ts';
import { cancelRenewal } from './api/client.ts';
import { Account } from './features/account/account.tsx';
import { Users } from './features/admin/users.tsx';
import { SignIn } from './features/auth/sign-in.tsx';
import { MessageDetail } from './features/messages/message-detail.tsx';
import { Messages } from './features/messages/messages.tsx';
import { Send } from './features/send/send.tsx';
import { Sessions } from './features/sessions/sessions.tsx';
import { Webhooks } from './features/webhooks/webhooks.tsx';
import { href, useRoute, type Page, type Route } from './lib/router.ts';

function useAuth() {
  const [state, setState] = useState(authState);
  useEffect(() => subscribeAuth(() => setState(authState())), []);
  return state;
}

export function App() {
  const { credentials } = useAuth();
  const route = useRoute();
  if (!credentials) return <SignIn />;
  const isAdmin = credentials.account.role === 'admin';
  const links: [Page, string][] = [
    ['sessions', 'Sessions'],
    ['send', 'Send'],
    ['messages', 'Messages'],
    ['webhooks', 'Webhooks'],
    ['account', 'Account'],
    ...(isAdmin ? [['admin', 'Users'] as [Page, string]] : []),
  ];
  const signOut = () => {
    cancelRenewal();
    signedOut();
  };
  return (
    <>
      <header class="top">
        <span class="brand">WhatsApp Hub</span>
        <nav aria-label="Main">
          {links.map(([page, label]) => (
            <a key={page} href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class="who">
          <span class="muted">{credentials.account.email}</span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main>{view(route, isAdmin)}</main>
    </>
  );
}

function view({ page, params }: Route, isAdmin: boolean) {
  switch (page) {
    case 'sessions':
      return <Sessions />;
    case 'send':
      return <Send session={params[0]} />;
    case 'messages':
      return <Messages session={params[0]} />;
    case 'message':
      return <MessageDetail session={params[0] ?? ''} messageId={params[1] ?? ''} />;
    case 'webhooks':
      return <Webhooks webhookId={params[0]} />;
    case 'account':
      return <Account />;
    case 'admin':
      return isAdmin ? <Users /> : <Sessions />;
  }
}
