import { useEffect } from 'react';

/** Sets document.title for the current route. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Boutique-To-Box` : 'Boutique-To-Box';
  }, [title]);
}
