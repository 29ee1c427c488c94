// Language server entry point (placeholder; see issue "Foundation").
export {};
