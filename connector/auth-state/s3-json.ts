import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { BufferJSON } from '@whiskeysockets/baileys';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';

/** Auth-state objects are JSON through Baileys' BufferJSON, so Buffers survive the round trip. */

export async function readObject(key: string): Promise<unknown> {
  try {
    const { Body } = await s3Client().send(new GetObjectCommand({ Bucket: config().AUTH_BUCKET_NAME, Key: key }));
    return JSON.parse((await Body?.transformToString()) ?? 'null', BufferJSON.reviver);
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

export async function writeObject(key: string, value: unknown): Promise<void> {
  await s3Client().send(
    new PutObjectCommand({
      Bucket: config().AUTH_BUCKET_NAME,
      Key: key,
      Body: JSON.stringify(value, BufferJSON.replacer),
      ContentType: 'application/json',
    }),
  );
}

export async function deleteObject(key: string): Promise<void> {
  await s3Client().send(new DeleteObjectCommand({ Bucket: config().AUTH_BUCKET_NAME, Key: key }));
}
