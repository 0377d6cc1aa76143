import type { RouteName } from '../routes.ts';
import type { OperationExample } from './examples.ts';

/** `POST /media`: a form for a 200 KB JPEG, and what posting it to S3 needs. */
export const mediaUploadExamples: Partial<Record<RouteName, OperationExample>> = {
  createMediaUpload: {
    request: { mime_type: 'image/jpeg', size: 204_800, file_name: 'photo.jpg' },
    response: {
      success: true,
      data: {
        mediaId: 'med_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D',
        uploadUrl: 'https://whatsapp-hub-media.s3.us-east-1.amazonaws.com/',
        fields: {
          key: 'uploads/1/med_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D',
          'Content-Type': 'image/jpeg',
          bucket: 'whatsapp-hub-media',
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': 'ASIA.../20251028/us-east-1/s3/aws4_request',
          'X-Amz-Date': '20251028T010000Z',
          'X-Amz-Security-Token': 'IQoJb3JpZ2luX2Vj...',
          Policy: 'eyJleHBpcmF0aW9uIjoi...',
          'X-Amz-Signature': '5d41402abc4b2a76b9719d911017c592...',
        },
        uploadExpiresAt: '2025-10-28T01:15:00.000Z',
        expiresAt: '2025-10-29T01:00:00.000Z',
      },
    },
  },
};
