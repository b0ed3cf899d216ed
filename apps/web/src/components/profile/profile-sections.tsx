import type { Preferences } from '@btb/contracts';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { type ThemeChoice, useTheme } from '../../stores/theme.ts';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Field, Input, Textarea } from '../ui/input.tsx';
import { Switch } from '../ui/switch.tsx';
import { type ProfileValues, socialLabels, socials } from './profile-values.ts';

const themeLabels: Array<[ThemeChoice, string]> = [
  ['system', 'As the device'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

const prefLabels: Array<[Exclude<keyof Preferences, 'theme'>, string, string]> = [
  ['notifyOnGeneration', 'Design ready', 'When a generation finishes or fails.'],
  ['notifyOnLikes', 'Likes', 'When someone likes one of your designs.'],
  ['notifyOnOrderUpdates', 'Order updates', 'Payment, production, shipping and delivery.'],
  ['emailNotifications', 'Email me too', 'Send the same notifications by email.'],
  ['newsletter', 'Newsletter', 'Occasional trends and new products.'],
];

export function AboutSection() {
  const { register, formState, control } = useFormContext<ProfileValues>();
  const { errors } = formState;
  const [avatarUrl, name] = useWatch({ control, name: ['avatarUrl', 'name'] });
  return (
    <Card>
      <CardHeader>
        <CardTitle>About you</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-[5rem_1fr]">
        <div className="flex justify-center sm:row-span-2">
          {avatarUrl ? (
            <img
              src={avatarUrl}
              alt="Your avatar"
              className="h-20 w-20 rounded-full border border-sand object-cover"
            />
          ) : (
            <span className="flex h-20 w-20 items-center justify-center rounded-full bg-accent-soft text-2xl font-semibold text-accent-dark">
              {(name || '?').slice(0, 1).toUpperCase()}
            </span>
          )}
        </div>
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} {...register('name')} maxLength={100} />}
        </Field>
        <Field label="Avatar URL" error={errors.avatarUrl?.message}>
          {(p) => <Input {...p} {...register('avatarUrl')} type="url" placeholder="https://…" />}
        </Field>
        <Field label="Bio" error={errors.bio?.message} className="sm:col-span-2">
          {(p) => <Textarea {...p} {...register('bio')} maxLength={500} />}
        </Field>
        <Field label="Website" error={errors.website?.message} className="sm:col-span-2">
          {(p) => <Input {...p} {...register('website')} type="url" placeholder="https://…" />}
        </Field>
      </CardContent>
    </Card>
  );
}

export function SocialLinksSection() {
  const { register, formState } = useFormContext<ProfileValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Social links</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {socials.map((s) => (
          <Field key={s} label={socialLabels[s]} error={formState.errors.socialLinks?.[s]?.message}>
            {(p) => <Input {...p} {...register(`socialLinks.${s}`)} type="url" placeholder="https://…" />}
          </Field>
        ))}
      </CardContent>
    </Card>
  );
}

export function NotificationsSection() {
  const { control } = useFormContext<ProfileValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notifications</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {prefLabels.map(([k, label, description]) => (
          <Controller
            key={k}
            control={control}
            name={`preferences.${k}`}
            render={({ field }) => (
              <Switch
                label={label}
                description={description}
                checked={Boolean(field.value)}
                onChange={field.onChange}
              />
            )}
          />
        ))}
      </CardContent>
    </Card>
  );
}

export function AppearanceSection() {
  const { control } = useFormContext<ProfileValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Appearance</CardTitle>
      </CardHeader>
      <CardContent>
        <fieldset>
          <legend className="mb-2 text-sm text-ink-soft">Theme, on every device you sign in on</legend>
          <Controller
            control={control}
            name="preferences.theme"
            render={({ field }) => (
              <div className="flex flex-wrap gap-2">
                {themeLabels.map(([value, label]) => (
                  <label
                    key={value}
                    className="flex cursor-pointer items-center gap-2 rounded-full border border-sand px-4 py-2 text-sm has-[:checked]:border-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
                  >
                    <input
                      type="radio"
                      name={field.name}
                      value={value}
                      checked={field.value === value}
                      onChange={() => {
                        field.onChange(value);
                        // Shown at once; kept on the profile when it is saved.
                        useTheme.getState().setChoice(value);
                      }}
                      className="accent-[var(--color-accent)]"
                    />
                    {label}
                  </label>
                ))}
              </div>
            )}
          />
        </fieldset>
      </CardContent>
    </Card>
  );
}
