import { defaultPreferences, type Preferences, type User } from '@btb/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api/index.ts';
import { ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Field, Input, Textarea } from '../components/ui/input.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { Switch } from '../components/ui/switch.tsx';
import { toast } from '../components/ui/toast.tsx';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';
import { type ThemeChoice, useTheme } from '../stores/theme.ts';

const socials = ['instagram', 'tiktok', 'pinterest', 'x', 'youtube'] as const;
const socialLabels: Record<(typeof socials)[number], string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  x: 'X',
  youtube: 'YouTube',
};

const themeLabels: Array<[ThemeChoice, string]> = [
  ['system', 'As the device'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

const prefLabels: Array<[keyof Preferences, string, string]> = [
  ['notifyOnGeneration', 'Design ready', 'When a generation finishes or fails.'],
  ['notifyOnLikes', 'Likes', 'When someone likes one of your designs.'],
  ['notifyOnOrderUpdates', 'Order updates', 'Payment, production, shipping and delivery.'],
  ['emailNotifications', 'Email me too', 'Send the same notifications by email.'],
  ['newsletter', 'Newsletter', 'Occasional trends and new products.'],
];

export function ProfilePage() {
  useTitle('Profile');
  const setUser = useAuth((s) => s.setUser);
  const [user, setLocal] = useState<User | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState({ name: '', bio: '', website: '', avatarUrl: '' });
  const [links, setLinks] = useState<Record<string, string>>({});
  const [prefs, setPrefs] = useState<Preferences>(defaultPreferences);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.me.get().then((u) => {
      setLocal(u);
      setUser(u);
      setForm({ name: u.name, bio: u.bio ?? '', website: u.website ?? '', avatarUrl: u.avatarUrl ?? '' });
      setLinks({ ...u.socialLinks });
      setPrefs({ ...defaultPreferences, ...u.preferences });
    }, setLoadError);
  }, [setUser]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setSaving(true);
    try {
      const socialLinks = Object.fromEntries(
        Object.entries(links)
          .filter(([, v]) => v.trim())
          .map(([k, v]) => [k, v.trim()]),
      );
      const next = await api.me.update({
        name: form.name.trim(),
        bio: form.bio.trim() || null,
        website: form.website.trim() || null,
        avatarUrl: form.avatarUrl.trim() || null,
        socialLinks,
        preferences: prefs,
      });
      setLocal(next);
      setUser(next);
      toast.success('Profile saved');
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        setErrors(err.fieldErrors());
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        toast.error('Please check the highlighted fields');
      } else toast.error((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <ErrorNote error={loadError} />;
  if (!user) {
    return (
      <div className="flex max-w-2xl flex-col gap-4" aria-busy="true">
        <Skeleton className="h-10 w-48" />
        <Skeleton className="h-72" />
      </div>
    );
  }

  const err = (k: string, label: string) => (errors[k] ? `${label} ${errors[k]}` : undefined);

  return (
    <div className="max-w-3xl">
      <PageHeader title="Profile" subtitle={user.email} />
      <form onSubmit={save} noValidate className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>About you</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-[5rem_1fr]">
            <div className="flex justify-center sm:row-span-2">
              {form.avatarUrl ? (
                <img
                  src={form.avatarUrl}
                  alt="Your avatar"
                  className="h-20 w-20 rounded-full border border-sand object-cover"
                />
              ) : (
                <span className="flex h-20 w-20 items-center justify-center rounded-full bg-accent-soft text-2xl font-semibold text-accent-dark">
                  {(form.name || '?').slice(0, 1).toUpperCase()}
                </span>
              )}
            </div>
            <Field label="Name" error={err('name', 'Name')}>
              {(p) => (
                <Input
                  {...p}
                  name="name"
                  value={form.name}
                  maxLength={100}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Avatar URL" error={err('avatarUrl', 'Avatar URL')}>
              {(p) => (
                <Input
                  {...p}
                  name="avatarUrl"
                  type="url"
                  placeholder="https://…"
                  value={form.avatarUrl}
                  onChange={(e) => setForm({ ...form, avatarUrl: e.target.value })}
                />
              )}
            </Field>
            <Field label="Bio" error={err('bio', 'Bio')} className="sm:col-span-2">
              {(p) => (
                <Textarea
                  {...p}
                  name="bio"
                  maxLength={500}
                  value={form.bio}
                  onChange={(e) => setForm({ ...form, bio: e.target.value })}
                />
              )}
            </Field>
            <Field label="Website" error={err('website', 'Website')} className="sm:col-span-2">
              {(p) => (
                <Input
                  {...p}
                  name="website"
                  type="url"
                  placeholder="https://…"
                  value={form.website}
                  onChange={(e) => setForm({ ...form, website: e.target.value })}
                />
              )}
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Social links</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {socials.map((s) => (
              <Field key={s} label={socialLabels[s]} error={err(`socialLinks.${s}`, socialLabels[s])}>
                {(p) => (
                  <Input
                    {...p}
                    type="url"
                    placeholder="https://…"
                    value={links[s] ?? ''}
                    onChange={(e) => setLinks({ ...links, [s]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Notifications</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {prefLabels.map(([k, label, description]) => (
              <Switch
                key={k}
                label={label}
                description={description}
                checked={Boolean(prefs[k])}
                onChange={(v) => setPrefs({ ...prefs, [k]: v })}
              />
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Appearance</CardTitle>
          </CardHeader>
          <CardContent>
            <fieldset>
              <legend className="mb-2 text-sm text-ink-soft">Theme, on every device you sign in on</legend>
              <div className="flex flex-wrap gap-2">
                {themeLabels.map(([value, label]) => (
                  <label
                    key={value}
                    className="flex cursor-pointer items-center gap-2 rounded-full border border-sand px-4 py-2 text-sm has-[:checked]:border-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
                  >
                    <input
                      type="radio"
                      name="theme"
                      value={value}
                      checked={prefs.theme === value}
                      onChange={() => {
                        setPrefs({ ...prefs, theme: value });
                        // Shown at once; kept on the profile when it is saved.
                        useTheme.getState().setChoice(value);
                      }}
                      className="accent-[var(--color-accent)]"
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          </CardContent>
        </Card>
        <div className="flex items-center gap-3">
          <Button type="submit" size="lg" loading={saving}>
            Save profile
          </Button>
          <span className="text-xs text-ink-soft">
            {user.subscriptionTier === 'pro' ? 'Pro' : 'Free'} plan · {user.quotas.designsPerHour} designs per
            hour
          </span>
        </div>
      </form>
    </div>
  );
}
