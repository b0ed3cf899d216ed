import type { PageMeta } from '../../platform/http/page-meta.ts';
import type { DesignsService } from './service.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A design's link preview, as an anonymous visitor may see it: null for a private, hidden, deleted
 * or unknown design (its page then gets the site's generic preview, telling nothing about it).
 */
export async function designPageMeta(
  designs: Pick<DesignsService, 'get'>,
  id: string,
  baseUrl: string,
): Promise<PageMeta | null> {
  if (!uuid.test(id)) return null;
  const design = await designs.get(id, null).catch(() => null);
  if (!design) return null;
  const absolute = (url: string | null | undefined) =>
    url ? (/^https?:\/\//.test(url) ? url : `${baseUrl}${url.startsWith('/') ? '' : '/'}${url}`) : undefined;
  const image = design.status === 'ready' ? absolute(design.previewUrl ?? design.imageUrl) : undefined;
  const by = design.author?.name ? ` by ${design.author.name}` : '';
  return {
    title: `${design.title} — Boutique-To-Box`,
    description:
      design.description?.trim() ||
      `A ${design.style} ${design.category} print${by}, from the sentence “${design.prompt}”. Order it printed and shipped.`,
    url: `${baseUrl}/designs/${design.id}`,
    image,
    imageAlt: image ? `${design.title} on a ${design.category}` : undefined,
    type: 'article',
  };
}
