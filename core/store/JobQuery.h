// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Job.h"

#include <QList>
#include <optional>

namespace Store {

/** A filter over the outbox for the Queue page and `crmbridgectl`. Empty members do not filter. */
struct JobQuery
{
    QList<JobState> states;
    std::optional<qint64> connectionId;
    QString text; ///< order number, phone (any form), email, customer or error text
    QString fingerprint; ///< failures of one cause
    qint64 beforeId = 0; ///< keyset paging: rows with id < beforeId (newest first); 0 = from the newest
    int limit = 200;
};

} // namespace Store
