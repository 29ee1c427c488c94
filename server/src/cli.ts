// CLI entry point (placeholder; see issue "Foundation").
export {};
