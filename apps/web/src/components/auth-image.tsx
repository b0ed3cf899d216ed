import { type ImgHTMLAttributes, useEffect, useState } from 'react';
import { client } from '../api/index.ts';
import { Skeleton } from './ui/skeleton.tsx';

/**
 * An <img> for API routes that may need the bearer token (mockups of private
 * designs): public sources load directly, private ones through the API client.
 */
export function AuthImage({
  src,
  needsAuth,
  alt,
  className,
  ...rest
}: ImgHTMLAttributes<HTMLImageElement> & { src: string; needsAuth: boolean }) {
  const [url, setUrl] = useState<string | null>(needsAuth ? null : src);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setFailed(false);
    if (!needsAuth) {
      setUrl(src);
      return;
    }
    let revoke: string | null = null;
    let cancelled = false;
    setUrl(null);
    client
      .fetchRaw(src)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blobUrl = URL.createObjectURL(await res.blob());
        if (cancelled) URL.revokeObjectURL(blobUrl);
        else {
          revoke = blobUrl;
          setUrl(blobUrl);
        }
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [src, needsAuth]);

  if (failed) {
    return (
      <div className={`${className ?? ''} flex items-center justify-center bg-linen text-xs text-ink-soft`}>
        Preview unavailable
      </div>
    );
  }
  if (!url) return <Skeleton className={className} />;
  return <img src={url} alt={alt} className={className} onError={() => setFailed(true)} {...rest} />;
}
