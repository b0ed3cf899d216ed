/** The admin's orders by status, with a retry for a failed fulfilment. */
import { type Order, type OrderStatus, orderStatuses } from '@btb/contracts';
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/index.ts';
import { queryKeys } from '../../api/queries.ts';
import { statusLabels, statusTone } from '../order-timeline.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Select } from '../ui/input.tsx';
import { toast } from '../ui/toast.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { td, usePaged, PagedTable } from './paged-table.tsx';

export function OrdersPanel() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const paged = usePaged<Order>(queryKeys.admin.orders(status), (c) => api.admin.orders(status, c));
  const [retrying, setRetrying] = useState<string | null>(null);

  async function retry(o: Order) {
    setRetrying(o.id);
    try {
      const next = await api.admin.retryFulfillment(o.id);
      paged.updateItems((x) => (x.id === o.id ? next : x));
      toast.success('Fulfilment resubmitted');
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-2">
        <label htmlFor="order-status" className="text-sm font-medium">
          Status
        </label>
        <Select
          id="order-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as OrderStatus | '')}
          className="w-56"
        >
          <option value="">All statuses</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </Select>
      </div>
      <PagedTable
        paged={paged}
        empty="No orders with this status"
        label="Orders"
        columns={['Order', 'Items', 'Total', 'Status', '']}
        renderRow={(o) => (
          <tr key={o.id} className="border-b border-sand/60 last:border-0">
            <td className={td}>
              <p className="font-mono text-xs">{o.id.slice(0, 8).toUpperCase()}</p>
              <p className="text-xs text-ink-soft">{formatDate(o.createdAt)}</p>
            </td>
            <td className={td}>
              {o.items.map((i) => `${i.designTitle} · ${i.productName} ×${i.quantity}`).join(', ')}
            </td>
            <td className={cn(td, 'tabular-nums')}>{formatMoney(o.totalCents, o.currency)}</td>
            <td className={td}>
              <Badge tone={statusTone(o.status)}>{statusLabels[o.status]}</Badge>
              {o.failureReason && <p className="mt-1 max-w-xs text-xs text-danger">{o.failureReason}</p>}
            </td>
            <td className={cn(td, 'text-right')}>
              {o.status === 'fulfillment_failed' && (
                <Button size="sm" variant="outline" loading={retrying === o.id} onClick={() => retry(o)}>
                  <RotateCw aria-hidden className="h-3.5 w-3.5" /> Retry
                </Button>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
