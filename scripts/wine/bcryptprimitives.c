/*
 * Test harness only, never shipped: Debian 12's Wine (8.0) has no bcryptprimitives.dll, and Go's
 * runtime (1.22 and later) loads ProcessPrng from it in system32 before main runs. This stands in
 * for it with the older RtlGenRandom (SystemFunction036 in advapi32), which Wine implements.
 * Built by scripts/wine/prefix with x86_64-w64-mingw32-gcc.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills buffer with length random bytes; it always returns TRUE on Windows. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE buffer, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(buffer, n))
			return FALSE;
		buffer += n;
		length -= n;
	}
	return TRUE;
}
