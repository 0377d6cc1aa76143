import { useState } from 'preact/hooks';
import { api, scheduleRenewal } from '../../api/client.ts';
import { authState, signedIn } from '../../api/auth-store.ts';
import { errorText } from '../../api/errors.ts';
import { ErrorNote } from '../../components/states.tsx';
import { formValues } from '../../lib/form.ts';

type Mode = 'sign-in' | 'sign-up';

/** Sign in, or create an account; both answer the tokens and the account. */
export function SignIn() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const notice = authState().notice;
  const title = mode === 'sign-in' ? 'Sign in' : 'Create an account';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const { email = '', password = '' } = formValues(event.currentTarget as HTMLFormElement);
    const body = { email, password };
    setBusy(true);
    setError(undefined);
    const result = mode === 'sign-in' ? await api.POST('/auth/login', { body }) : await api.POST('/auth/register', { body });
    setBusy(false);
    if (!result.data) return setError(errorText(result.error, result.response));
    const { user, token, refreshToken } = result.data.data;
    signedIn({ token, refreshToken, account: user });
    scheduleRenewal();
  };

  return (
    <main class="narrow">
      <h1>{title}</h1>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label={title}>
        <label>
          Email
          <input name="email" type="email" autocomplete="email" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete={mode === 'sign-in' ? 'current-password' : 'new-password'} required />
        </label>
        {error && <ErrorNote>{error}</ErrorNote>}
        <button type="submit" disabled={busy}>
          {title}
        </button>
      </form>
      <p>
        {mode === 'sign-in' ? 'No account yet? ' : 'Have an account? '}
        <button type="button" class="link" onClick={() => (setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in'), setError(undefined))}>
          {mode === 'sign-in' ? 'Create an account' : 'Sign in instead'}
        </button>
      </p>
      <p class="muted">
        You stay signed in only while this tab is open: reloading the page signs you out, as nothing is stored in the browser.
      </p>
    </main>
  );
}
