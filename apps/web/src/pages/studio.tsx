import { categories, type Category, createDesignBodySchema, type Style, styles } from '@btb/contracts';
import { Wand2 } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent } from '../components/ui/card.tsx';
import { Field, Input, Select, Textarea } from '../components/ui/input.tsx';
import { Switch } from '../components/ui/switch.tsx';
import { countOf, humanize } from '../lib/format.ts';
import { useDesignVersions } from '../lib/use-design-versions.ts';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';
import { ColourSwatches } from '../components/studio/colour-swatches.tsx';
import { ExamplePrompts } from '../components/studio/example-prompts.tsx';
import { type Errors, titleFromPrompt } from '../components/studio/prompt.ts';
import { StudioResultPanel } from '../components/studio/studio-result-panel.tsx';
import { useGeneration } from '../components/studio/use-generation.ts';

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
  const [params, setParams] = useSearchParams();
  const {
    designId,
    setDesignId,
    design,
    setDesign,
    final,
    setFinal,
    regenerating,
    onFinished,
    regenerate,
    resultRef,
    resultHeading,
  } = useGeneration();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

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
              <ExamplePrompts
                onPick={(ex) => {
                  setPrompt(ex.prompt);
                  setCategory(ex.category);
                  setStyle(ex.style);
                  setErrors((x) => ({ ...x, prompt: undefined }));
                  promptRef.current?.focus();
                }}
              />
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
              <ColourSwatches colors={colors} setColors={setColors} error={errors.colors} />
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

        <StudioResultPanel
          ref={resultRef}
          headingRef={resultHeading}
          designId={designId}
          design={design}
          final={final}
          ready={ready}
          failed={failed}
          versions={versions}
          onFinished={onFinished}
          regenerate={regenerate}
          regenerating={regenerating}
        />
      </div>
    </div>
  );
}
