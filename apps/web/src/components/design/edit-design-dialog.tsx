/** The owner's edit of a design's title, description and tags. */
import type { Design } from '@btb/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/index.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field, Input, Textarea } from '../ui/input.tsx';
import { toast } from '../ui/toast.tsx';

export function EditDesignDialog({
  design,
  open,
  onClose,
  onSaved,
}: {
  design: Design;
  open: boolean;
  onClose: () => void;
  onSaved: (d: Design) => void;
}) {
  const [title, setTitle] = useState(design.title);
  const [description, setDescription] = useState(design.description ?? '');
  const [tags, setTags] = useState(design.tags.join(', '));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setTitle(design.title);
      setDescription(design.description ?? '');
      setTags(design.tags.join(', '));
      setErrors({});
    }
  }, [open, design]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const next = await api.designs.update(design.id, {
        title: title.trim(),
        description: description.trim() || null,
        tags: tags
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      });
      onSaved(next);
      toast.success('Saved');
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        const tagErr = Object.entries(fe).find(([k]) => k.startsWith('tags'))?.[1];
        setErrors({
          title: fe.title,
          description: fe.description,
          tags: tagErr,
          form: Object.keys(fe).length ? '' : err.message,
        });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Edit design">
      <form onSubmit={save} className="flex flex-col gap-4" noValidate>
        <Field label="Title" error={errors.title && `Title ${errors.title}`}>
          {(p) => <Input {...p} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description && `Description ${errors.description}`}>
          {(p) => (
            <Textarea
              {...p}
              value={description}
              maxLength={500}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Field label="Tags" hint="Comma-separated, up to 10." error={errors.tags && `Tags ${errors.tags}`}>
          {(p) => <Input {...p} value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
        {errors.form && <p className="text-sm text-danger">{errors.form}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
