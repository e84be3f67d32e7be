// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Bench {

/**
 * Operation-log rows shaped like the ones the amoCRM lane writes (bodies as the HTTP client logs them,
 * redacted headers, the call's business keys), generated from the row number alone, so every run and
 * every machine fills the same log. The mix (see describeMix()) is a live shop's: most calls carry one
 * order, some carry a batch, a few are 50-lead leads/complex calls of a backlog (≈ 38 KB, the size
 * measured on real rows in issue 24). Pure functions; any thread.
 */
class LogRowGenerator
{
public:
    enum class Kind { Single, Lookup, Batch, Backlog };

    struct Row
    {
        Kind kind = Kind::Single;
        QString method;
        QString url;
        int status = 200;
        int durationMs = 0;
        QString requestHeaders;
        QString requestBody;
        QString responseBody;
        QString error;
        QStringList keys; ///< as the engine logs them: order number, phone (E.164), email of each lead
    };

    /** Row number (1-based) → the call. */
    static Row row(qint64 n);
    /** The order number, phone and email of the lead-th lead of row n (lead 0 is in every row). */
    static QString orderNumber(qint64 n, int lead);
    static QString phone(qint64 n, int lead);
    static QString email(qint64 n, int lead);
    /** What rows of each kind carry and how often, for the benchmark's output and the README. */
    static QString describeMix();
};

} // namespace Bench
