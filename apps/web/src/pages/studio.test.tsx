import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { design, designId, version } from '../test/designs.ts';
import { json, renderWithClient, signInAs } from '../test/helpers.tsx';
import { StudioPage } from './studio.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('studio form', () => {
  beforeEach(() => signInAs());

  it('starts with no colours, so the prompt names them', () => {
    renderWithClient(<StudioPage />, { route: '/studio' });
    expect(screen.getByText('(0/5)')).toBeTruthy();
    expect(screen.queryByLabelText('Colour 1')).toBeNull();
    expect(screen.getByText(/the colours your prompt names lead/)).toBeTruthy();
    // An example fills the words, not colour swatches.
    fireEvent.click(screen.getByRole('button', { name: /coral lemons/ }));
    expect(screen.queryByLabelText('Colour 1')).toBeNull();
  });

  it('shows the hourly design allowance before it is reached', () => {
    renderWithClient(<StudioPage />, { route: '/studio' });
    expect(screen.getByTestId('design-quota').textContent).toBe('Your plan allows 10 new designs an hour.');
  });

  it('reopening a design brings its prompt back for editing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        String(url).endsWith('/versions')
          ? json(200, { items: [version(1)], candidatesPerPrompt: 4 })
          : json(200, design()),
      ),
    );
    renderWithClient(<StudioPage />, { route: `/studio?design=${designId}` });
    await waitFor(() =>
      expect((screen.getByLabelText('Describe your garment') as HTMLTextAreaElement).value).toBe(
        'cats and toucans on a cream tote',
      ),
    );
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Cats and toucans');
    expect((screen.getByLabelText('Garment') as HTMLSelectElement).value).toBe('accessories');
  });

  it('checks the prompt against the contract before sending, and puts the server’s field errors on their fields', async () => {
    const fetch = vi.fn(async () =>
      json(400, {
        error: 'Invalid request body',
        code: 'validation_failed',
        details: [{ path: 'title', message: 'must not be offensive' }],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithClient(<StudioPage />, { route: '/studio' });
    fireEvent.change(screen.getByLabelText('Describe your garment'), { target: { value: 'too short' } });
    fireEvent.click(screen.getByRole('button', { name: /Generate design/ }));
    await waitFor(() => expect(screen.getByText(/^Prompt /)).toBeTruthy());
    expect(fetch).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Describe your garment')));

    fireEvent.change(screen.getByLabelText('Describe your garment'), {
      target: { value: 'navy linen summer dress with small coral lemons' },
    });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(
      'Navy linen summer dress with small',
    );
    fireEvent.click(screen.getByRole('button', { name: /Generate design/ }));
    await waitFor(() => expect(screen.getByText('Title must not be offensive')).toBeTruthy());
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const sent = JSON.parse(String(init.body));
    expect(sent).toMatchObject({
      title: 'Navy linen summer dress with small',
      category: 'dress',
      colors: [],
      isPublic: true,
    });
  });
});
