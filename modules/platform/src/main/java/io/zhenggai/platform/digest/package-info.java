/** Hashing: SHA-256 hex of text and bytes, one way for every module. */
@org.springframework.modulith.NamedInterface("digest")
package io.zhenggai.platform.digest;
