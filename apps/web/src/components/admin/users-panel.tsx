/** The admin's users: roles and suspension, each change that takes something away confirmed first. */
import type { User } from '@btb/contracts';
import { useState } from 'react';
import { api } from '../../api/index.ts';
import { queryKeys } from '../../api/queries.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Select } from '../ui/input.tsx';
import { type ConfirmOptions, useConfirm } from '../ui/confirm.tsx';
import { toast } from '../ui/toast.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDate } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounce.ts';
import { useAuth } from '../../stores/auth.ts';
import { SearchBox, td, usePaged, PagedTable } from './paged-table.tsx';

export function UsersPanel() {
  const [q, setQ] = useState('');
  const dq = useDebouncedValue(q, 300);
  const me = useAuth((s) => s.user);
  const paged = usePaged<User>(queryKeys.admin.users(dq), (c) => api.admin.users(dq || undefined, c));
  const { confirm, dialog } = useConfirm();

  async function update(u: User, body: { role?: 'user' | 'admin'; status?: 'active' | 'suspended' }) {
    const question = userChangeQuestion(u, body);
    if (question && !(await confirm(question))) return;
    try {
      const next = await api.admin.updateUser(u.id, body);
      paged.updateItems((x) => (x.id === u.id ? { ...x, ...next } : x));
      toast.success(`${u.name} updated`);
    } catch (err) {
      toast.error((err as Error).message);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {dialog}
      <SearchBox value={q} onChange={setQ} label="Search users by name or email" />
      <PagedTable
        paged={paged}
        empty="No users match"
        label="Users"
        columns={['User', 'Joined', 'Role', 'Status', '']}
        renderRow={(u) => (
          <tr key={u.id} className="border-b border-sand/60 last:border-0">
            <td className={td}>
              <p className="font-medium">{u.name}</p>
              <p className="text-xs text-ink-soft">{u.email}</p>
            </td>
            <td className={cn(td, 'text-ink-soft')}>{formatDate(u.createdAt)}</td>
            <td className={td}>
              <Select
                aria-label={`Role of ${u.name}`}
                value={u.role}
                disabled={u.id === me?.id}
                onChange={(e) => update(u, { role: e.target.value as 'user' | 'admin' })}
                className="h-9 w-28"
              >
                <option value="user">User</option>
                <option value="admin">Admin</option>
              </Select>
            </td>
            <td className={td}>
              <Badge tone={u.status === 'active' ? 'success' : 'danger'}>{u.status}</Badge>
            </td>
            <td className={cn(td, 'text-right')}>
              <Button
                size="sm"
                variant={u.status === 'active' ? 'outline' : 'secondary'}
                disabled={u.id === me?.id}
                onClick={() => update(u, { status: u.status === 'active' ? 'suspended' : 'active' })}
              >
                {u.status === 'active' ? 'Suspend' : 'Reinstate'}
              </Button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/** What to ask before a change to an account that takes something away; null when nothing is. */
export function userChangeQuestion(
  u: User,
  body: { role?: 'user' | 'admin'; status?: 'active' | 'suspended' },
): ConfirmOptions | null {
  if (body.status === 'suspended')
    return {
      title: `Suspend ${u.name}?`,
      description: `${u.email} is signed out everywhere and cannot sign in, design or order until reinstated. Their public designs stay in the gallery.`,
      confirmLabel: 'Suspend',
      danger: true,
    };
  if (body.role === 'admin')
    return {
      title: `Make ${u.name} an admin?`,
      description: 'Admins can suspend accounts, hide designs and see every order.',
      confirmLabel: 'Make admin',
    };
  if (body.role === 'user' && u.role === 'admin')
    return {
      title: `Remove ${u.name}'s admin role?`,
      description: 'They lose access to operations at their next sign-in.',
      confirmLabel: 'Remove admin role',
      danger: true,
    };
  return null;
}
