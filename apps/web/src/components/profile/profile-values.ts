import {
  defaultPreferences,
  type Preferences,
  type UpdateProfileBody,
  type User,
  updateProfileBodySchema,
} from '@btb/contracts';
import { contractResolver } from '../../lib/form-errors.ts';

export const socials = ['instagram', 'tiktok', 'pinterest', 'x', 'youtube'] as const;
export type Social = (typeof socials)[number];
export const socialLabels: Record<Social, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  x: 'X',
  youtube: 'YouTube',
};

/** The profile form as typed: every text as a string, empty for none. */
export interface ProfileValues {
  name: string;
  avatarUrl: string;
  bio: string;
  website: string;
  socialLinks: Record<Social, string>;
  preferences: Preferences;
}

/** The form's fields in page order, each with the label its messages are read after. */
export const profileLabels: Record<string, string> = {
  name: 'Name',
  avatarUrl: 'Avatar URL',
  bio: 'Bio',
  website: 'Website',
  ...Object.fromEntries(socials.map((s) => [`socialLinks.${s}`, socialLabels[s]])),
};

export function profileValuesOf(user: User): ProfileValues {
  return {
    name: user.name,
    avatarUrl: user.avatarUrl ?? '',
    bio: user.bio ?? '',
    website: user.website ?? '',
    socialLinks: Object.fromEntries(socials.map((s) => [s, user.socialLinks[s] ?? ''])) as Record<
      Social,
      string
    >,
    preferences: { ...defaultPreferences, ...user.preferences },
  };
}

/** What a save sends: trimmed, an empty text as null, an empty link left out. */
export function profileBodyOf(v: ProfileValues): UpdateProfileBody {
  return {
    name: v.name.trim(),
    bio: v.bio.trim() || null,
    website: v.website.trim() || null,
    avatarUrl: v.avatarUrl.trim() || null,
    socialLinks: Object.fromEntries(
      Object.entries(v.socialLinks)
        .filter(([, link]) => link.trim())
        .map(([k, link]) => [k, link.trim()]),
    ),
    preferences: v.preferences,
  };
}

export const profileResolver = contractResolver<ProfileValues, UpdateProfileBody>(
  updateProfileBodySchema,
  profileLabels,
  { toBody: profileBodyOf, required: { name: 'Please tell us your name.' } },
);
