import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { memo, useId, useRef, useState } from 'react';
import { formatCredit, isHttpsImageUrl, PHOTO_MIME_TYPES, type PhotoState } from '../../../../shared/blocks/photo';
import { $isPhotoNode } from './PhotoNode';
import { BlockFrame, EditToggle } from '../BlockFrame';
import { useNewsroom, usePreviewUrl } from '../context';

export const PHOTO_ACCEPT = PHOTO_MIME_TYPES.join(',');

/** A photo with its caption, credit and alt text; the preview is a scaled copy, never the full image. */
export const PhotoBlock = memo(function PhotoBlock({ nodeKey, photo }: { nodeKey: NodeKey; photo: PhotoState }) {
  const [editor] = useLexicalComposerContext();
  const { creditStyle, addImage, asset: getAsset, notify } = useNewsroom();
  const preview = usePreviewUrl(photo.asset);
  const [linkDraft, setLinkDraft] = useState(photo.src);
  const [linkError, setLinkError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // A photo with its image, caption, credit and alt text shows as it will print; its form opens
  // on Edit. One still missing any of them opens with its form, so nothing is left unfilled.
  const complete = Boolean((photo.asset || photo.src) && photo.caption.trim() && photo.credit.trim() && photo.alt.trim());
  const [editing, setEditing] = useState(!complete);
  const id = useId();
  const asset = photo.asset ? getAsset(photo.asset) : undefined;

  const update = (patch: Partial<PhotoState>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isPhotoNode(node)) node.setState(patch);
    });

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const added = await addImage(file, file.name);
    if (added.ok) update({ asset: added.hash, src: '' });
    else notify(added.reason);
  };

  const setLink = (value: string) => {
    setLinkDraft(value);
    if (value.trim() === '') {
      setLinkError(null);
      update({ src: '' });
    } else if (isHttpsImageUrl(value)) {
      setLinkError(null);
      update({ src: value.trim(), asset: '' });
    } else setLinkError('Image links must start with https://');
  };

  const imageUrl = photo.asset ? preview : photo.src || null;
  return (
    <BlockFrame
      nodeKey={nodeKey}
      kind="photo"
      label="Photo"
      actions={<EditToggle editing={editing} onToggle={() => setEditing((e) => !e)} />}
    >
      <figure className="photo-card">
        {imageUrl ? (
          <img className="photo-preview" src={imageUrl} alt={photo.alt} decoding="async" draggable={false} />
        ) : (
          <div className="photo-empty">
            <p>{photo.asset ? 'Preparing preview…' : 'No image yet.'}</p>
            {!photo.asset && (
              <button type="button" onClick={() => fileInput.current?.click()}>
                Choose image…
              </button>
            )}
          </div>
        )}
        <figcaption className="photo-caption-preview">
          {photo.caption} <span className="credit">{formatCredit(photo.credit, creditStyle)}</span>
        </figcaption>
        {!editing && <p className="photo-alt">Alt text: {photo.alt}</p>}
      </figure>
      {(editing || !photo.asset) && (
        <input
          ref={fileInput}
          type="file"
          accept={PHOTO_ACCEPT}
          hidden
          onChange={(e) => void chooseFile(e.target.files?.[0])}
          aria-label="Image file"
        />
      )}
      {editing && (
        <div className="block-form">
          <div className="field">
            <label htmlFor={`${id}-caption`}>Caption</label>
            <textarea id={`${id}-caption`} rows={2} value={photo.caption} onChange={(e) => update({ caption: e.target.value })} />
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-credit`}>Credit</label>
              <input
                id={`${id}-credit`}
                value={photo.credit}
                placeholder="Supplied, Getty Images…"
                list={`${id}-credits`}
                onChange={(e) => update({ credit: e.target.value })}
              />
              <datalist id={`${id}-credits`}>
                <option value="Supplied" />
                <option value="Getty Images" />
                <option value="AP" />
                <option value="Reuters" />
                <option value="File" />
              </datalist>
            </div>
            <div className="field">
              <label htmlFor={`${id}-alt`}>Alt text (for screen readers)</label>
              <input
                id={`${id}-alt`}
                value={photo.alt}
                placeholder="What the photo shows"
                onChange={(e) => update({ alt: e.target.value })}
              />
            </div>
          </div>
          {!photo.asset && (
            <div className="field">
              <label htmlFor={`${id}-src`}>…or image link</label>
              <input
                id={`${id}-src`}
                value={linkDraft}
                placeholder="https://…"
                spellCheck={false}
                aria-invalid={linkError !== null}
                onChange={(e) => setLink(e.target.value)}
              />
              {linkError && (
                <p className="field-error" role="alert">
                  {linkError}
                </p>
              )}
            </div>
          )}
          {asset && (
            <p className="hint">
              {asset.name || 'image'} · {asset.width}×{asset.height} · {(asset.bytes / 1024).toFixed(0)} KB
            </p>
          )}
        </div>
      )}
    </BlockFrame>
  );
});
