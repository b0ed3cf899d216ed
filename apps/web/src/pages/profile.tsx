import { useEffect } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { UpdateProfileBody } from '@btb/contracts';
import { useUpdateProfile } from '../api/mutations.ts';
import { useMe } from '../api/queries.ts';
import { ErrorNote, PageHeader } from '../components/layout.tsx';
import {
  AboutSection,
  AppearanceSection,
  NotificationsSection,
  SocialLinksSection,
} from '../components/profile/profile-sections.tsx';
import {
  type ProfileValues,
  profileLabels,
  profileResolver,
  profileValuesOf,
} from '../components/profile/profile-values.ts';
import { Button } from '../components/ui/button.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { toast } from '../components/ui/toast.tsx';
import { showApiFieldErrors } from '../lib/form-errors.ts';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

export function ProfilePage() {
  useTitle('Profile');
  const me = useMe();
  const user = me.data;
  const update = useUpdateProfile();
  const form = useForm<ProfileValues, unknown, UpdateProfileBody>({ resolver: profileResolver });
  const { reset, setError } = form;

  // The profile as read (on opening, and as saved) fills the form and the session's copy of the user.
  useEffect(() => {
    if (!user) return;
    reset(profileValuesOf(user));
    useAuth.getState().setUser(user);
  }, [user, reset]);

  const save = form.handleSubmit(
    async (body) => {
      try {
        await update.mutateAsync(body);
        toast.success('Profile saved');
      } catch (err) {
        if (showApiFieldErrors(err, setError, profileLabels))
          toast.error('Please check the highlighted fields');
        else toast.error((err as Error).message);
      }
    },
    () => toast.error('Please check the highlighted fields'),
  );

  if (me.error) return <ErrorNote error={me.error} retry={() => void me.refetch()} />;
  if (!user) {
    return (
      <div className="flex max-w-2xl flex-col gap-4" aria-busy="true">
        <Skeleton className="h-10 w-48" />
        <Skeleton className="h-72" />
      </div>
    );
  }

  return (
    <div className="max-w-3xl">
      <PageHeader title="Profile" subtitle={user.email} />
      <FormProvider {...form}>
        <form onSubmit={save} noValidate className="flex flex-col gap-6">
          <AboutSection />
          <SocialLinksSection />
          <NotificationsSection />
          <AppearanceSection />
          <div className="flex items-center gap-3">
            <Button type="submit" size="lg" loading={form.formState.isSubmitting}>
              Save profile
            </Button>
            <span className="text-xs text-ink-soft">
              {user.subscriptionTier === 'pro' ? 'Pro' : 'Free'} plan · {user.quotas.designsPerHour} designs
              per hour
            </span>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}
