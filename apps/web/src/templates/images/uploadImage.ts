// An image file from the computer, sent to the server (tRPC carries JSON, so as base64); the
// server reads its bytes to decide what it is and refuses anything but a PNG, JPEG, GIF or WebP
// (the refusal names the file field, in the user's language). Answers the stored image, whose
// address is its own for ever.
import { useTRPCClient, type Api, type inferOutput } from '../../trpc';

export type UploadedImage = inferOutput<Api['emailImages']['upload']>;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}

export function useImageUpload(): (file: File) => Promise<UploadedImage> {
  const client = useTRPCClient();
  return async (file) => client.emailImages.upload.mutate({ name: file.name, file: await base64Of(file) });
}

/** The MJML of an image: at its own width when narrower than an email (600 px), else the column's. */
export const imageMjml = (image: Pick<UploadedImage, 'url' | 'width'>): string =>
  `<mj-image src="${image.url}" alt=""${image.width < 600 ? ` width="${image.width}px"` : ''}></mj-image>`;
