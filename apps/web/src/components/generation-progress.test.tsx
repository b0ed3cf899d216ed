import type { GenerationProgress } from '@btb/contracts';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, signInAs } from '../test/helpers.tsx';
import { GenerationProgressLive } from './generation-progress.tsx';

/** Stands in for the browser's EventSource; `emit` delivers a named event as the server sends it. */
class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  constructor(public url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  /** `event: progress\ndata: {...}` on the wire. */
  emit(data: GenerationProgress, event = 'progress') {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

const designId = '00000000-0000-4000-8000-0000000000bb';

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  signInAs(undefined, 'tok-123');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url === '/api/auth/stream-ticket' ? json(200, { ticket: 'ticket-123', expiresIn: 60 }) : json(404, {}),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('studio generation progress', () => {
  it('renders progress and messages from the SSE stream until ready', async () => {
    const onFinished = vi.fn();
    render(<GenerationProgressLive designId={designId} onFinished={onFinished} />);
    await vi.waitFor(() => expect(FakeEventSource.instances.length).toBe(1));
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe(`/api/designs/${designId}/events?ticket=ticket-123`);

    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');

    act(() => source.emit({ designId, status: 'generating', progress: 40, message: 'Drawing motifs' }));
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('Drawing motifs')).toBeTruthy();
    expect(screen.getByText('Drawing motifs').getAttribute('aria-live')).toBe('polite');

    act(() =>
      source.emit({ designId, status: 'generating', progress: 85, message: 'Checking print quality' }),
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('85');

    act(() => source.emit({ designId, status: 'ready', progress: 100, message: 'Ready' }));
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'ready' }));
    expect(source.closed).toBe(true);
  });

  it('shows the failure reason', async () => {
    render(<GenerationProgressLive designId={designId} />);
    await vi.waitFor(() => expect(FakeEventSource.instances.length).toBe(1));
    act(() =>
      FakeEventSource.instances[0].emit({
        designId,
        status: 'failed',
        progress: 30,
        message: 'The generator timed out',
      }),
    );
    expect(screen.getByText('Generation failed')).toBeTruthy();
    expect(screen.getByText('The generator timed out')).toBeTruthy();
  });
});
