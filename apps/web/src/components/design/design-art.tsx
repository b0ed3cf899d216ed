import type { Design } from '@btb/contracts';
import { GenerationProgressLive } from '../generation-progress.tsx';

/** The design as printed, with its repeat tile; while it is still being made, its live progress. */
export function DesignArt({ design, onFinished }: { design: Design; onFinished: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-3xl border border-sand bg-linen">
        {design.status === 'ready' ? (
          <img
            src={design.previewUrl ?? design.imageUrl ?? ''}
            alt={`${design.title} on a ${design.category}`}
            className="aspect-square w-full object-cover"
          />
        ) : (
          <div className="flex aspect-square items-center justify-center p-8">
            <div className="w-full max-w-sm">
              {design.status === 'failed' ? (
                <p className="text-danger">Generation failed: {design.failureReason}</p>
              ) : (
                <GenerationProgressLive designId={design.id} onFinished={onFinished} />
              )}
            </div>
          </div>
        )}
      </div>
      {design.status === 'ready' && (design.thumbnailUrl || design.modelUrl) && (
        <div className="grid grid-cols-3 gap-3">
          <div
            role="img"
            aria-label="Seamless repeat tile"
            className="col-span-2 aspect-[2/1] rounded-2xl border border-sand"
            style={{
              backgroundImage: `url(${design.modelUrl ?? design.thumbnailUrl})`,
              backgroundSize: '33.3% auto',
            }}
          />
          <img
            src={design.modelUrl ?? design.thumbnailUrl ?? ''}
            alt="One tile of the repeat"
            className="aspect-square w-full rounded-2xl border border-sand object-cover"
          />
        </div>
      )}
    </div>
  );
}
