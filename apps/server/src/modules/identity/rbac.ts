import type { Role } from '@btb/contracts';

export type Resource = 'design' | 'order' | 'profile' | 'user' | 'admin' | '*';
export type Action = 'create' | 'read' | 'update' | 'delete' | 'manage' | '*';

interface Permission {
  resource: Resource;
  action: Action;
}

/** The brief's permission table, plus what a user needs for their own orders and profile. */
const permissions: Record<Role, Permission[]> = {
  user: [
    { resource: 'design', action: 'create' },
    { resource: 'design', action: 'read' },
    { resource: 'design', action: 'update' },
    { resource: 'design', action: 'delete' },
    { resource: 'order', action: 'create' },
    { resource: 'order', action: 'read' },
    { resource: 'order', action: 'update' },
    { resource: 'profile', action: 'read' },
    { resource: 'profile', action: 'update' },
  ],
  admin: [{ resource: '*', action: '*' }],
};

export function hasPermission(role: Role, resource: Resource, action: Action): boolean {
  return (permissions[role] ?? []).some(
    (p) => (p.resource === '*' || p.resource === resource) && (p.action === '*' || p.action === action),
  );
}
