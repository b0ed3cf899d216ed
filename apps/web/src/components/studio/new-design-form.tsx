import {
  categories,
  type Category,
  createDesignBodySchema,
  type Design,
  type Style,
  styles,
} from '@btb/contracts';
import { Wand2 } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/index.ts';
import { useCreateDesign } from '../../api/mutations.ts';
import { countOf, humanize } from '../../lib/format.ts';
import { fieldMessages } from '../../lib/form-errors.ts';
import { useAuth } from '../../stores/auth.ts';
import { ErrorNote } from '../layout.tsx';
import { Button } from '../ui/button.tsx';
import { Field, Input, Select, Textarea } from '../ui/input.tsx';
import { Switch } from '../ui/switch.tsx';
import { ColourSwatches } from './colour-swatches.tsx';
import { ExamplePrompts } from './example-prompts.tsx';
import { type Errors, titleFromPrompt } from './prompt.ts';

/** The fields a new design's errors can name, labelled as the messages read. */
const labels: Record<keyof Errors, string> = {
  prompt: 'Prompt',
  title: 'Title',
  category: 'Category',
  style: 'Style',
  colors: 'Colors',
  description: 'Description',
};

/**
 * The studio's form: a prompt, its title, garment, style, colours and whether to publish. A design
 * reopened from the URL (`restored`) brings its words back for editing; a new prompt makes a new design.
 */
export function NewDesignForm({
  restored,
  onCreated,
}: {
  restored: Design | null;
  onCreated: (design: Design) => void;
}) {
  const designsPerHour = useAuth((s) => s.user?.quotas.designsPerHour);
  const [prompt, setPrompt] = useState(restored?.prompt ?? '');
  const [title, setTitle] = useState(restored?.title ?? '');
  const [titleTouched, setTitleTouched] = useState(Boolean(restored));
  const [category, setCategory] = useState<Category>(restored?.category ?? 'dress');
  const [style, setStyle] = useState<Style>(restored?.style ?? 'casual');
  // Empty: the colours the prompt names lead; swatches are only for overriding them.
  const [colors, setColors] = useState<Array<{ id: number; hex: string }>>([]);
  const [isPublic, setIsPublic] = useState(restored?.isPublic ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateDesign();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const effectiveTitle = titleTouched ? title : titleFromPrompt(prompt);

  function showErrors(errs: Errors) {
    setErrors(errs);
    if (errs.prompt) promptRef.current?.focus();
    else if (errs.title) titleRef.current?.focus();
  }

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
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      showErrors(fieldMessages(issues, labels));
      return;
    }
    setErrors({});
    try {
      onCreated(await create.mutateAsync(body));
    } catch (err) {
      const errs = err instanceof ApiError ? fieldMessages(err.details, labels) : {};
      showErrors(errs);
      if (Object.keys(errs).length) return;
      setFormError(
        err instanceof ApiError && err.status === 429
          ? new Error(
              `You've reached your hourly design limit. Try again in ${Math.ceil((err.retryAfter ?? 60) / 60)} min.`,
            )
          : err,
      );
    }
  }

  return (
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
            <Select {...p} name="style" value={style} onChange={(e) => setStyle(e.target.value as Style)}>
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
      <Button type="submit" size="lg" variant="accent" loading={create.isPending}>
        <Wand2 aria-hidden className="h-4 w-4" /> Generate design
      </Button>
      {designsPerHour !== undefined && (
        <p className="text-xs text-ink-soft" data-testid="design-quota">
          Your plan allows {countOf(designsPerHour, 'new design')} an hour.
        </p>
      )}
    </form>
  );
}
