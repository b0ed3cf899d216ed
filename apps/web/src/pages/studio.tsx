import {
  categories,
  type Category,
  createDesignBodySchema,
  type Design,
  type GenerationProgress,
  type Style,
  styles,
} from '@btb/contracts';
import { Plus, RefreshCw, Sparkles, Trash2, Wand2 } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { GenerationProgressLive } from '../components/generation-progress.tsx';
import { StudioResult } from '../components/studio-result.tsx';
import { ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Field, Input, Select, Textarea } from '../components/ui/input.tsx';
import { Switch } from '../components/ui/switch.tsx';
import { toast } from '../components/ui/toast.tsx';
import { countOf, humanize } from '../lib/format.ts';
import { useDesignVersions } from '../lib/use-design-versions.ts';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

/** The prompt names its colours: examples set no colour swatches, so the words lead. */
const examples: Array<{ prompt: string; category: Category; style: Style }> = [
  {
    prompt: 'Navy linen summer dress with small coral lemons',
    category: 'dress',
    style: 'casual',
  },
  {
    prompt: 'Vintage 70s shirt with mustard and rust geometric waves',
    category: 'shirt',
    style: 'vintage',
  },
  {
    prompt: 'Sporty leggings in teal camouflage with neon accents',
    category: 'pants',
    style: 'sporty',
  },
  {
    prompt: 'Formal silk scarf with tiny ivory hearts on burgundy',
    category: 'accessories',
    style: 'formal',
  },
  {
    prompt: 'Soft sage tote with watercolour eucalyptus leaves',
    category: 'accessories',
    style: 'casual',
  },
];

let colorSeq = 0;
const swatch = (hex: string) => ({ id: ++colorSeq, hex });
const extraColors = ['#e9c46a', '#4d6b57', '#f5f0e6', '#be185d', '#1c1917'];

type Errors = Partial<Record<'prompt' | 'title' | 'category' | 'style' | 'colors' | 'description', string>>;

const dangling = new Set(['with', 'and', 'in', 'on', 'of', 'a', 'an', 'the', 'for', 'to', 'by', 'or']);

/** A short title from the prompt's first words, never ending on "with" or "and". */
export function titleFromPrompt(prompt: string): string {
  const words = prompt.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  while (words.length > 1 && dangling.has(words[words.length - 1].toLowerCase())) words.pop();
  const title = words.join(' ');
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : '';
}

export function StudioPage() {
  useTitle('Studio');
  const designsPerHour = useAuth((s) => s.user?.quotas.designsPerHour);
  const [prompt, setPrompt] = useState('');
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [category, setCategory] = useState<Category>('dress');
  const [style, setStyle] = useState<Style>('casual');
  // Empty: the colours the prompt names lead; swatches are only for overriding them.
  const [colors, setColors] = useState<Array<{ id: number; hex: string }>>([]);
  const [isPublic, setIsPublic] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [designId, setDesignId] = useState<string | null>(null);
  const [design, setDesign] = useState<Design | null>(null);
  const [params, setParams] = useSearchParams();
  const [final, setFinal] = useState<GenerationProgress | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Reopening /studio?design=… shows that design (and its progress if still generating).
  const restoreId = params.get('design');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the URL names another design
  useEffect(() => {
    if (!restoreId || restoreId === design?.id) return;
    api.designs.get(restoreId).then(
      (d) => {
        setDesign(d);
        // Reopened: its words come back for editing (a new prompt makes a new design).
        setPrompt(d.prompt);
        setTitle(d.title);
        setTitleTouched(true);
        setCategory(d.category);
        setStyle(d.style);
        setIsPublic(d.isPublic);
        if (d.status === 'ready' || d.status === 'failed') {
          setFinal({
            designId: d.id,
            status: d.status,
            progress: d.progress,
            message: d.failureReason ?? '',
          });
        } else {
          setFinal(null);
        }
        setDesignId(d.id);
      },
      () => setParams({}, { replace: true }),
    );
  }, [restoreId]);

  const effectiveTitle = titleTouched ? title : titleFromPrompt(prompt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const body = {
      title: effectiveTitle.slice(0, 100),
      prompt,
      category,
      style,
      colors: colors.map((c) => c.hex),
      isPublic,
    };
    const parsed = createDesignBodySchema.safeParse(body);
    if (!parsed.success) {
      const errs: Errors = {};
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0]) as keyof Errors;
        if (!errs[k]) errs[k] = `${humanize(k)} ${issue.message}`;
      }
      setErrors(errs);
      if (errs.prompt) promptRef.current?.focus();
      else if (errs.title) titleRef.current?.focus();
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const created = await api.designs.create(body);
      setDesign(created);
      setFinal(null);
      setDesignId(created.id);
      // Keep the design in the URL so a reload comes back to it.
      setParams({ design: created.id }, { replace: true });
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        const errs: Errors = {};
        for (const k of ['prompt', 'title', 'category', 'style', 'colors', 'description'] as const) {
          const m = fe[k] ?? Object.entries(fe).find(([p]) => p.startsWith(`${k}.`))?.[1];
          if (m) errs[k] = `${humanize(k)} ${m}`;
        }
        setErrors(errs);
        if (!Object.keys(errs).length)
          setFormError(
            err.status === 429
              ? new Error(
                  `You've reached your hourly design limit. Try again in ${Math.ceil((err.retryAfter ?? 60) / 60)} min.`,
                )
              : err,
          );
      } else setFormError(err);
    } finally {
      setSubmitting(false);
    }
  }

  const onFinished = useCallback(async (p: GenerationProgress) => {
    setFinal(p);
    try {
      setDesign(await api.designs.get(p.designId));
    } catch {
      // keep the progress result
    }
    if (p.status === 'ready') toast.success('Your design is ready');
    // The button that started it was disabled while it ran, so focus fell to the page: bring it to
    // the result, unless the person has already moved on to something else.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || resultRef.current?.contains(active))
        resultHeading.current?.focus();
    });
  }, []);

  async function regenerate() {
    if (!design) return;
    setRegenerating(true);
    try {
      const next = await api.designs.regenerate(design.id);
      setDesign(next);
      setFinal(null);
      // Same id: remount the live progress so it subscribes again.
      setDesignId(null);
      requestAnimationFrame(() => setDesignId(next.id));
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setRegenerating(false);
    }
  }

  const ready = final?.status === 'ready' && design?.status === 'ready';
  const versions = useDesignVersions(design?.id ?? null, ready, setDesign);
  const failed = final?.status === 'failed';

  return (
    <div>
      <PageHeader
        title="Studio"
        subtitle="Describe a garment in a sentence. We'll weave a seamless, print-ready pattern."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          <CardContent className="p-5 sm:p-6">
            <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label="New design">
              <Field
                label="Describe your garment"
                error={errors.prompt}
                hint="Fabric, colours, motifs, mood: the more specific, the better."
              >
                {(p) => (
                  <Textarea
                    {...p}
                    ref={promptRef}
                    name="prompt"
                    rows={4}
                    maxLength={1000}
                    placeholder="e.g. navy linen summer dress with small coral lemons"
                    value={prompt}
                    onChange={(e) => {
                      setPrompt(e.target.value);
                      if (errors.prompt) setErrors((x) => ({ ...x, prompt: undefined }));
                    }}
                  />
                )}
              </Field>
              <fieldset className="-mt-2">
                <legend className="sr-only">Example prompts</legend>
                <div className="flex flex-wrap gap-1.5">
                  {examples.map((ex) => (
                    <button
                      key={ex.prompt}
                      type="button"
                      onClick={() => {
                        setPrompt(ex.prompt);
                        setCategory(ex.category);
                        setStyle(ex.style);
                        setErrors((x) => ({ ...x, prompt: undefined }));
                        promptRef.current?.focus();
                      }}
                      className="rounded-full border border-sand bg-white/70 dark:bg-white/5 px-3 py-1 text-left text-xs text-ink-soft transition-colors hover:border-accent/40 hover:bg-accent-soft hover:text-accent-dark"
                    >
                      {ex.prompt}
                    </button>
                  ))}
                </div>
              </fieldset>
              <Field label="Title" error={errors.title}>
                {(p) => (
                  <Input
                    {...p}
                    ref={titleRef}
                    name="title"
                    maxLength={100}
                    placeholder="Named after your prompt"
                    value={effectiveTitle}
                    onChange={(e) => {
                      setTitleTouched(true);
                      setTitle(e.target.value);
                    }}
                  />
                )}
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Garment" error={errors.category}>
                  {(p) => (
                    <Select
                      {...p}
                      name="category"
                      value={category}
                      onChange={(e) => setCategory(e.target.value as Category)}
                    >
                      {categories.map((c) => (
                        <option key={c} value={c}>
                          {humanize(c)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label="Style" error={errors.style}>
                  {(p) => (
                    <Select
                      {...p}
                      name="style"
                      value={style}
                      onChange={(e) => setStyle(e.target.value as Style)}
                    >
                      {styles.map((s) => (
                        <option key={s} value={s}>
                          {humanize(s)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              </div>
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1.5 text-sm font-medium">
                  Colours <span className="font-normal text-ink-soft">({colors.length}/5)</span>
                </legend>
                <div className="flex flex-wrap items-center gap-2">
                  {colors.map((c, i) => (
                    <div
                      key={c.id}
                      className="flex items-center gap-1 rounded-full border border-sand bg-white dark:bg-linen py-1 pr-1 pl-1.5"
                    >
                      <input
                        type="color"
                        value={c.hex}
                        aria-label={`Colour ${i + 1}`}
                        onChange={(e) =>
                          setColors((cs) =>
                            cs.map((x) => (x.id === c.id ? { ...x, hex: e.target.value } : x)),
                          )
                        }
                        className="h-7 w-7 cursor-pointer rounded-full border-0 bg-transparent p-0 [&::-webkit-color-swatch]:rounded-full [&::-webkit-color-swatch]:border-black/10 [&::-webkit-color-swatch-wrapper]:p-0"
                      />
                      <span className="font-mono text-xs uppercase">{c.hex}</span>
                      <button
                        type="button"
                        onClick={() => setColors((cs) => cs.filter((x) => x.id !== c.id))}
                        aria-label={`Remove colour ${i + 1}`}
                        className="rounded-full p-1 text-ink-soft hover:bg-linen hover:text-danger"
                      >
                        <Trash2 aria-hidden className="h-3.5 w-3.5" />
                      </button>
                    </div>
                  ))}
                  {colors.length < 5 && (
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={() => setColors((cs) => [...cs, swatch(extraColors[cs.length] ?? '#888888')])}
                    >
                      <Plus aria-hidden className="h-3.5 w-3.5" /> Add colour
                    </Button>
                  )}
                </div>
                {colors.length === 0 && (
                  <p className="text-xs text-ink-soft">
                    No colours chosen: the colours your prompt names lead. Add one only to override them.
                  </p>
                )}
                {errors.colors && <p className="text-sm text-danger">{errors.colors}</p>}
              </fieldset>
              <Switch
                checked={isPublic}
                onChange={setIsPublic}
                label="Publish to the gallery"
                description="Others can see, like and order it. You can change this later."
              />
              {formError ? <ErrorNote error={formError} /> : null}
              <Button type="submit" size="lg" variant="accent" loading={submitting}>
                <Wand2 aria-hidden className="h-4 w-4" /> Generate design
              </Button>
              {designsPerHour !== undefined && (
                <p className="text-xs text-ink-soft" data-testid="design-quota">
                  Your plan allows {countOf(designsPerHour, 'new design')} an hour.
                </p>
              )}
            </form>
          </CardContent>
        </Card>

        <div ref={resultRef} className="scroll-mt-24">
          {!designId && !design ? (
            <div className="flex h-full min-h-72 flex-col items-center justify-center gap-3 rounded-2xl border border-dashed border-sand p-8 text-center">
              <Sparkles aria-hidden className="h-8 w-8 text-accent" />
              <h2 className="text-lg font-semibold">Your print appears here</h2>
              <p className="max-w-sm text-sm text-ink-soft">
                Pick an example or write your own. Generation takes a few seconds; you'll see every step.
              </p>
            </div>
          ) : (
            <Card>
              <CardHeader>
                <CardTitle ref={resultHeading} tabIndex={-1} className="focus:outline-none">
                  {design?.title ?? 'Your design'}
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-5">
                {designId && !final && <GenerationProgressLive designId={designId} onFinished={onFinished} />}
                {failed && (
                  <div
                    role="alert"
                    className="flex flex-col gap-3 rounded-xl border border-red-200 dark:border-red-900/60 bg-red-50 dark:bg-red-950/40 p-4"
                  >
                    <p className="text-sm text-danger">
                      <strong>Generation failed.</strong> {design?.failureReason ?? final?.message}
                    </p>
                    <div>
                      <Button variant="outline" size="sm" onClick={regenerate} loading={regenerating}>
                        <RefreshCw aria-hidden className="h-3.5 w-3.5" /> Try again
                      </Button>
                    </div>
                  </div>
                )}
                {ready && design && (
                  <StudioResult
                    design={design}
                    versions={versions.list}
                    selecting={versions.selecting}
                    onSelect={versions.select}
                    onRegenerate={regenerate}
                    regenerating={regenerating}
                  />
                )}
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
