import { z } from 'zod';

export const roles = ['user', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const tiers = ['free', 'pro'] as const;
export const tierSchema = z.enum(tiers);
export type Tier = z.infer<typeof tierSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }).max(254));
export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

export const preferencesSchema = z.object({
  emailNotifications: z.boolean().default(true),
  notifyOnGeneration: z.boolean().default(true),
  notifyOnLikes: z.boolean().default(true),
  notifyOnOrderUpdates: z.boolean().default(true),
  newsletter: z.boolean().default(false),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const defaultPreferences: Preferences = preferencesSchema.parse({});

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500);

export const socialLinksSchema = z
  .object({
    instagram: httpUrl,
    tiktok: httpUrl,
    pinterest: httpUrl,
    x: httpUrl,
    youtube: httpUrl,
  })
  .partial()
  .strict();

export const userStatusSchema = z.enum(['active', 'suspended']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    subscriptionTier: tierSchema,
    status: userStatusSchema,
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    website: z.string().nullable(),
    socialLinks: socialLinksSchema,
    preferences: preferencesSchema,
    quotas: z.object({ designsPerHour: z.number().int() }),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

/** What other people may see of a user. */
export const publicUserSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, 'is required').max(100),
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.object({ email: emailSchema, password: z.string().min(1).max(128) });
export type LoginBody = z.infer<typeof loginBodySchema>;

export const refreshBodySchema = z.object({ refreshToken: z.string().min(20).max(200) });
export const logoutBodySchema = z.object({ refreshToken: z.string().min(20).max(200).optional() });

export const authResponseSchema = z.object({
  user: userSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

/** A short-lived ticket for event-stream URLs (`?ticket=`): an access token never goes in a URL. */
export const streamTicketSchema = z.object({
  ticket: z.string(),
  /** Seconds until the ticket expires; a stream opened before then stays open. */
  expiresIn: z.number().int(),
});
export type StreamTicket = z.infer<typeof streamTicketSchema>;

export const updateProfileBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    avatarUrl: httpUrl.nullable(),
    bio: z.string().trim().max(500).nullable(),
    website: httpUrl.nullable(),
    socialLinks: socialLinksSchema,
    preferences: preferencesSchema.partial(),
  })
  .partial()
  .strict();
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

/** What an admin may change on an account. */
export const adminUpdateUserBodySchema = z
  .object({ role: roleSchema, status: userStatusSchema, subscriptionTier: tierSchema })
  .partial()
  .strict();
export type AdminUpdateUserBody = z.infer<typeof adminUpdateUserBodySchema>;
