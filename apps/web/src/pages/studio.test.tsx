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
});
