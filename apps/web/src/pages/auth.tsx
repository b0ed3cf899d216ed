import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { type AuthMode, AuthForm } from '../components/auth/auth-form.tsx';
import { Card, CardContent } from '../components/ui/card.tsx';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

function AuthPage({ mode }: { mode: AuthMode }) {
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
