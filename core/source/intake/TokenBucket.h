// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"

#include <QHash>
#include <QString>

namespace Source::Intake {

/**
 * Per-client token buckets for flood protection: each client may send `burst` requests at once and
 * then `perMinute` a minute. Not thread-safe: owned by the intake server's thread.
 */
class TokenBucket
{
public:
    TokenBucket(int burst, double perMinute, const Common::Clock *clock);

    /** Takes a token for key; false (and how many seconds until the next one) when there is none. */
    bool take(const QString &key, int *retryAfterSeconds = nullptr);
    int trackedClients() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);

    int m_burst;
    double m_perMs;
    const Common::Clock *m_clock;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace Source::Intake
