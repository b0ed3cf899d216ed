/**
 * What a shared link shows before any JavaScript runs: link previews (chat apps, social sites)
 * read the HTML's <title>, description and Open Graph / Twitter card tags, never the SPA's DOM.
 */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of a picture of it (PNG, at least 600 px wide for a large card). */
  image?: string;
  imageAlt?: string;
  type?: 'website' | 'article';
}

/** A page that a module describes for link previews, e.g. a design at `/designs/:id`. */
export interface MetaPage {
  path: string;
  /** The page's meta, or null when it must not be described (private, hidden, missing). */
  meta(params: Record<string, string>): Promise<PageMeta | null>;
}

export const siteName = 'Boutique-To-Box';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Safe inside a double-quoted attribute and in text: every markup character is an entity. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** The generic description of the site, for pages that describe nothing in particular. */
export function siteMeta(baseUrl: string): PageMeta {
  return {
    title: `${siteName} — describe a garment, get it in a box`,
    description:
      'Describe a garment in a sentence and Boutique-To-Box generates a print-ready seamless textile design, shows it on products, and prints and ships it to your door.',
    url: `${baseUrl}/`,
    image: `${baseUrl}/icons/icon-512.png`,
    imageAlt: `${siteName} logo`,
    type: 'website',
  };
}

/** The tags for `meta`, each value escaped; text is cut to what previews show. */
export function metaTags(meta: PageMeta): string {
  const cut = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  const title = cut(meta.title, 120);
  const description = cut(meta.description.replace(/\s+/g, ' ').trim(), 300);
  const tag = (attr: 'name' | 'property', key: string, value: string | undefined) =>
    value === undefined ? '' : `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  return [
    tag('property', 'og:site_name', siteName),
    tag('property', 'og:type', meta.type ?? 'website'),
    tag('property', 'og:title', title),
    tag('property', 'og:description', description),
    tag('property', 'og:url', meta.url),
    tag('property', 'og:image', meta.image),
    tag('property', 'og:image:alt', meta.image ? meta.imageAlt : undefined),
    tag('name', 'twitter:card', meta.image ? 'summary_large_image' : 'summary'),
    tag('name', 'twitter:title', title),
    tag('name', 'twitter:description', description),
    tag('name', 'twitter:image', meta.image),
    tag('name', 'twitter:image:alt', meta.image ? meta.imageAlt : undefined),
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
  ]
    .filter(Boolean)
    .join('\n    ');
}

/**
 * The app's index.html describing `meta`: its <title> and description replaced, the Open Graph and
 * Twitter tags added at the end of <head>.
 */
export function withPageMeta(html: string, meta: PageMeta): string {
  const description = escapeHtml(meta.description.replace(/\s+/g, ' ').trim());
  return html
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(meta.title)}</title>`)
    .replace(
      /<meta\s+name="description"[\s\S]*?\/?>/,
      () => `<meta name="description" content="${description}" />`,
    )
    .replace('</head>', () => `    ${metaTags(meta)}\n  </head>`);
}
