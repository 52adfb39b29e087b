// Sonner, loaded after the page (loadToastKit): no toast can exist before a transaction is sent.
export { toast, Toaster } from 'sonner';
