/**
 * Workbooks written with Apache POI, text never a formula (ADR 0041).
 */
@org.springframework.modulith.NamedInterface("excel")
package io.zhenggai.platform.excel;
