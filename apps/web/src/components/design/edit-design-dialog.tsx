/** The owner's edit of a design's title, description and tags. */
import { type Design, type UpdateDesignBody, updateDesignBodySchema } from '@btb/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useUpdateDesign } from '../../api/mutations.ts';
import { contractResolver, showApiFieldErrors } from '../../lib/form-errors.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field, Input, Textarea } from '../ui/input.tsx';
import { toast } from '../ui/toast.tsx';

interface DetailsValues {
  title: string;
  description: string;
  tags: string;
}

const labels = { title: 'Title', description: 'Description', tags: 'Tags' };

const valuesOf = (design: Design): DetailsValues => ({
  title: design.title,
  description: design.description ?? '',
  tags: design.tags.join(', '),
});

const resolver = contractResolver<DetailsValues, UpdateDesignBody>(updateDesignBodySchema, labels, {
  toBody: (v) => ({
    title: v.title.trim(),
    description: v.description.trim() || null,
    tags: v.tags
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  }),
  required: { title: 'Please give the design a title.' },
});

export function EditDesignDialog({
  design,
  open,
  onClose,
}: {
  design: Design;
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateDesign();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<
    DetailsValues,
    unknown,
    UpdateDesignBody
  >({ defaultValues: valuesOf(design), resolver });
  const { errors } = formState;

  useEffect(() => {
    if (!open) return;
    reset(valuesOf(design));
    setFormError(null);
  }, [open, design, reset]);

  const save = handleSubmit(async (body) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: design.id, body });
      toast.success('Saved');
      onClose();
    } catch (err) {
      if (!showApiFieldErrors(err, setError, labels)) setFormError((err as Error).message);
    }
  });

  return (
    <Dialog open={open} onClose={onClose} title="Edit design">
      <form onSubmit={save} className="flex flex-col gap-4" noValidate>
        <Field label="Title" error={errors.title?.message}>
          {(p) => <Input {...p} {...register('title')} maxLength={100} />}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(p) => <Textarea {...p} {...register('description')} maxLength={500} />}
        </Field>
        <Field label="Tags" hint="Comma-separated, up to 10." error={errors.tags?.message}>
          {(p) => <Input {...p} {...register('tags')} />}
        </Field>
        {formError && <p className="text-sm text-danger">{formError}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
