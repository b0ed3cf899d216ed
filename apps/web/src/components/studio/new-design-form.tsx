import {
  type Category,
  type CreateDesignBody,
  categories,
  createDesignBodySchema,
  type Design,
  type Style,
  styles,
} from '@btb/contracts';
import { Wand2 } from 'lucide-react';
import { type SetStateAction, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '../../api/index.ts';
import { useCreateDesign } from '../../api/mutations.ts';
import { countOf, humanize } from '../../lib/format.ts';
import { contractResolver, showApiFieldErrors } from '../../lib/form-errors.ts';
import { useAuth } from '../../stores/auth.ts';
import { ErrorNote } from '../layout.tsx';
import { Button } from '../ui/button.tsx';
import { Field, Input, Select, Textarea } from '../ui/input.tsx';
import { Switch } from '../ui/switch.tsx';
import { ColourSwatches } from './colour-swatches.tsx';
import { ExamplePrompts } from './example-prompts.tsx';
import { titleFromPrompt } from './prompt.ts';

/** The fields a new design's errors can name, in the form's order, labelled as the messages read. */
const labels = {
  prompt: 'Prompt',
  title: 'Title',
  category: 'Category',
  style: 'Style',
  colors: 'Colors',
  description: 'Description',
};

interface StudioValues {
  prompt: string;
  title: string;
  /** Until the title is typed in, it is named after the prompt. */
  titleTouched: boolean;
  category: Category;
  style: Style;
  colors: Array<{ id: number; hex: string }>;
  isPublic: boolean;
}

const toBody = (v: StudioValues): CreateDesignBody => ({
  title: (v.titleTouched ? v.title : titleFromPrompt(v.prompt)).slice(0, 100),
  prompt: v.prompt,
  category: v.category,
  style: v.style,
  colors: v.colors.map((c) => c.hex),
  isPublic: v.isPublic,
});

const resolver = contractResolver<StudioValues, CreateDesignBody>(createDesignBodySchema, labels, { toBody });

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
  const { register, handleSubmit, setValue, getValues, setError, clearErrors, setFocus, control, formState } =
    useForm<StudioValues, unknown, CreateDesignBody>({
      resolver,
      defaultValues: {
        prompt: restored?.prompt ?? '',
        title: restored?.title ?? '',
        titleTouched: Boolean(restored),
        category: restored?.category ?? 'dress',
        style: restored?.style ?? 'casual',
        // Empty: the colours the prompt names lead; swatches are only for overriding them.
        colors: [],
        isPublic: restored?.isPublic ?? true,
      },
    });
  const { errors } = formState;
  const [prompt, title, titleTouched, category, style, colors, isPublic] = useWatch({
    control,
    name: ['prompt', 'title', 'titleTouched', 'category', 'style', 'colors', 'isPublic'],
  });
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateDesign();
  const effectiveTitle = titleTouched ? title : titleFromPrompt(prompt);
  const titleField = register('title');

  const setColors = (next: SetStateAction<StudioValues['colors']>) =>
    setValue('colors', typeof next === 'function' ? next(getValues('colors')) : next, {
      shouldValidate: formState.isSubmitted,
    });

  const submit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      onCreated(await create.mutateAsync(body));
    } catch (err) {
      if (showApiFieldErrors(err, setError, labels)) return;
      setFormError(
        err instanceof ApiError && err.status === 429
          ? new Error(
              `You've reached your hourly design limit. Try again in ${Math.ceil((err.retryAfter ?? 60) / 60)} min.`,
            )
          : err,
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label="New design">
      <Field
        label="Describe your garment"
        error={errors.prompt?.message}
        hint="Fabric, colours, motifs, mood: the more specific, the better."
      >
        {(p) => (
          <Textarea
            {...p}
            {...register('prompt')}
            rows={4}
            maxLength={1000}
            placeholder="e.g. navy linen summer dress with small coral lemons"
          />
        )}
      </Field>
      <ExamplePrompts
        onPick={(ex) => {
          setValue('prompt', ex.prompt);
          setValue('category', ex.category);
          setValue('style', ex.style);
          clearErrors('prompt');
          setFocus('prompt');
        }}
      />
      <Field label="Title" error={errors.title?.message}>
        {(p) => (
          <Input
            {...p}
            {...titleField}
            maxLength={100}
            placeholder="Named after your prompt"
            value={effectiveTitle}
            onChange={(e) => {
              setValue('titleTouched', true);
              void titleField.onChange(e);
            }}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Garment" error={errors.category?.message}>
          {(p) => (
            <Select {...p} {...register('category')} value={category}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Style" error={errors.style?.message}>
          {(p) => (
            <Select {...p} {...register('style')} value={style}>
              {styles.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <ColourSwatches colors={colors} setColors={setColors} error={errors.colors?.message} />
      <Switch
        checked={isPublic}
        onChange={(value) => setValue('isPublic', value)}
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
