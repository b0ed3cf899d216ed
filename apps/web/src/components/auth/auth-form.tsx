import { type LoginBody, loginBodySchema, type RegisterBody, registerBodySchema } from '@btb/contracts';
import { useEffect, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { ApiError, api } from '../../api/index.ts';
import { contractResolver, showApiFieldErrors } from '../../lib/form-errors.ts';
import { useAuth } from '../../stores/auth.ts';
import { ErrorNote } from '../layout.tsx';
import { Button } from '../ui/button.tsx';
import { Field, Input } from '../ui/input.tsx';

export type AuthMode = 'signin' | 'signup';

interface AuthValues {
  name: string;
  email: string;
  password: string;
}

const labels = {
  signup: { name: 'Name', email: 'Email', password: 'Password' },
  signin: { email: 'Email', password: 'Password' },
};

const required = {
  name: 'Please tell us your name.',
  email: 'Please enter your email address.',
  password: 'Please enter a password.',
};

const resolvers: Record<AuthMode, Resolver<AuthValues, unknown, RegisterBody | LoginBody>> = {
  signup: contractResolver<AuthValues, RegisterBody>(registerBodySchema, labels.signup, { required }),
  signin: contractResolver<AuthValues, LoginBody>(loginBodySchema, labels.signin, {
    toBody: ({ email, password }) => ({ email, password }),
    required: { email: required.email, password: required.password },
  }),
};

/** What a refused sign-in or sign-up says when no single field is to blame. */
function refusal(err: unknown): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  if (err.status === 401) return 'That email and password do not match an account.';
  if (err.status === 429) return `Too many attempts. Try again in ${err.retryAfter ?? 60} seconds.`;
  return err.message;
}

export function AuthForm({ mode, onDone }: { mode: AuthMode; onDone?: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const signIn = useAuth((s) => s.signIn);
  const form = useForm<AuthValues, unknown, RegisterBody | LoginBody>({
    defaultValues: { name: '', email: '', password: '' },
    resolver: resolvers[mode],
  });
  const { register, setError, setFocus, formState } = form;
  const { errors } = formState;

  useEffect(() => {
    setFocus(mode === 'signup' ? 'name' : 'email');
  }, [mode, setFocus]);

  const submit = form.handleSubmit(async (body) => {
    setFormError(null);
    try {
      const auth = 'name' in body ? await api.auth.register(body) : await api.auth.login(body);
      signIn(auth);
      onDone?.();
    } catch (err) {
      if (showApiFieldErrors(err, setError, labels[mode])) return;
      if (err instanceof ApiError && err.status === 409) {
        setError(
          'email',
          { type: 'server', message: 'An account with this email already exists. Sign in instead?' },
          { shouldFocus: true },
        );
      } else setFormError(refusal(err));
    }
  });

  return (
    <form
      onSubmit={(e) => {
        setFormError(null);
        void submit(e);
      }}
      noValidate
      className="flex flex-col gap-4"
      aria-label={mode === 'signup' ? 'Create account' : 'Sign in'}
    >
      {formError && <ErrorNote error={new Error(formError)} />}
      {mode === 'signup' && (
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} {...register('name')} autoComplete="name" />}
        </Field>
      )}
      <Field label="Email" error={errors.email?.message}>
        {(p) => <Input {...p} {...register('email')} type="email" autoComplete="email" inputMode="email" />}
      </Field>
      <Field
        label="Password"
        error={errors.password?.message}
        hint={mode === 'signup' ? 'At least 8 characters.' : undefined}
      >
        {(p) => (
          <Input
            {...p}
            {...register('password')}
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          />
        )}
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting} className="mt-2">
        {mode === 'signup' ? 'Create account' : 'Sign in'}
      </Button>
    </form>
  );
}
