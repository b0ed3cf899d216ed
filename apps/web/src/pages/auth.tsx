import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { ErrorNote } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent } from '../components/ui/card.tsx';
import { Field, Input } from '../components/ui/input.tsx';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

type Mode = 'signin' | 'signup';
type Fields = 'name' | 'email' | 'password';

export function AuthForm({ mode, onDone }: { mode: Mode; onDone?: () => void }) {
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const signIn = useAuth((s) => s.signIn);
  const order: Fields[] = mode === 'signup' ? ['name', 'email', 'password'] : ['email', 'password'];

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the first field once, on mount
  useEffect(() => {
    refs[order[0]].current?.focus();
  }, []);

  function focusFirstError(errs: Partial<Record<Fields, string>>) {
    const first = order.find((f) => errs[f]);
    if (first) refs[first].current?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Partial<Record<Fields, string>> = {};
    if (mode === 'signup' && !values.name.trim()) local.name = 'Please tell us your name.';
    if (!values.email.trim()) local.email = 'Please enter your email address.';
    if (!values.password) local.password = 'Please enter a password.';
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstError(local);
      return;
    }
    setSubmitting(true);
    try {
      const auth =
        mode === 'signup'
          ? await api.auth.register({
              name: values.name.trim(),
              email: values.email.trim(),
              password: values.password,
            })
          : await api.auth.login({ email: values.email.trim(), password: values.password });
      signIn(auth);
      onDone?.();
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        const mapped: Partial<Record<Fields, string>> = {};
        for (const f of order)
          if (fe[f]) mapped[f] = `${f === 'name' ? 'Name' : f === 'email' ? 'Email' : 'Password'} ${fe[f]}`;
        setErrors(mapped);
        if (Object.keys(mapped).length) focusFirstError(mapped);
        else if (err.status === 401) setFormError('That email and password do not match an account.');
        else if (err.status === 409) {
          setErrors({ email: 'An account with this email already exists. Sign in instead?' });
          refs.email.current?.focus();
        } else if (err.status === 429)
          setFormError(`Too many attempts. Try again in ${err.retryAfter ?? 60} seconds.`);
        else setFormError(err.message);
      } else setFormError((err as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  const set = (f: Fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    if (errors[f]) setErrors((x) => ({ ...x, [f]: undefined }));
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      aria-label={mode === 'signup' ? 'Create account' : 'Sign in'}
    >
      {formError && <ErrorNote error={new Error(formError)} />}
      {mode === 'signup' && (
        <Field label="Name" error={errors.name}>
          {(p) => (
            <Input
              {...p}
              ref={refs.name}
              name="name"
              autoComplete="name"
              value={values.name}
              onChange={set('name')}
            />
          )}
        </Field>
      )}
      <Field label="Email" error={errors.email}>
        {(p) => (
          <Input
            {...p}
            ref={refs.email}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={set('email')}
          />
        )}
      </Field>
      <Field
        label="Password"
        error={errors.password}
        hint={mode === 'signup' ? 'At least 8 characters.' : undefined}
      >
        {(p) => (
          <Input
            {...p}
            ref={refs.password}
            name="password"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            value={values.password}
            onChange={set('password')}
          />
        )}
      </Field>
      <Button type="submit" size="lg" loading={submitting} className="mt-2">
        {mode === 'signup' ? 'Create account' : 'Sign in'}
      </Button>
    </form>
  );
}

function AuthPage({ mode }: { mode: Mode }) {
  useTitle(mode === 'signup' ? 'Create account' : 'Sign in');
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? (mode === 'signup' ? '/studio' : '/');
  const signedIn = useAuth((s) => Boolean(s.user));
  const [justSignedIn, setJustSignedIn] = useState(false);
  if (signedIn && !justSignedIn) return <Navigate to={from} replace />;
  return (
    <div className="mx-auto grid max-w-5xl items-center gap-10 py-4 md:grid-cols-2 md:py-10">
      <div className="hidden flex-col gap-4 md:flex">
        <p className="text-sm font-medium tracking-widest text-accent uppercase">Boutique-To-Box</p>
        <h1 className="text-4xl leading-tight font-semibold">
          {mode === 'signup' ? 'Your first print is one sentence away.' : 'Welcome back to the atelier.'}
        </h1>
        <p className="text-ink-soft">
          Describe a garment, watch the pattern weave itself, see it on a dress or a tote, and have it printed
          and shipped in a box.
        </p>
      </div>
      <Card className="w-full">
        <CardContent className="p-6 sm:p-8">
          <h1 className="mb-1 text-2xl font-semibold md:text-xl">
            {mode === 'signup' ? 'Create your account' : 'Sign in'}
          </h1>
          <p className="mb-6 text-sm text-ink-soft">
            {mode === 'signup' ? (
              <>
                Already have one?{' '}
                <Link to="/signin" state={location.state} className="font-medium text-accent underline">
                  Sign in
                </Link>
              </>
            ) : (
              <>
                New here?{' '}
                <Link to="/signup" state={location.state} className="font-medium text-accent underline">
                  Create an account
                </Link>
              </>
            )}
          </p>
          {mode === 'signin' && new URLSearchParams(location.search).has('unlocked') && (
            <p
              role="status"
              className="mb-4 rounded-md bg-emerald-50 dark:bg-emerald-950/50 px-3 py-2 text-sm text-emerald-900 dark:text-emerald-200"
            >
              Sign-in is open again for your account. If the wrong passwords were not yours, choose a new
              password in your profile once you are in.
            </p>
          )}
          <AuthForm
            mode={mode}
            onDone={() => {
              setJustSignedIn(true);
              navigate(from, { replace: true });
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}

export const SignInPage = () => <AuthPage mode="signin" />;
export const SignUpPage = () => <AuthPage mode="signup" />;
