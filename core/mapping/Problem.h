// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/SourceKind.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mapping {

/** Which kind of shop record a field map reads (the model's word for it). */
using Model::SourceKind;
using Model::sourceKindName;

/**
 * One thing wrong with a mapping, for the operator: shown next to the row it concerns, and the
 * message a job fails with before anything is sent. Plain value type.
 */
struct Problem
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    QString area; ///< "orders", "forms", "statuses", "routing", "settings"
    QString rowId; ///< the row it concerns; empty for a setting
    QString code; ///< "field-deleted", "field-renamed", "stage-gone", "duplicate-target" …
    QString message;

    bool isError() const { return severity == Severity::Error; }
    QJsonObject toJson() const;
    bool operator==(const Problem &) const = default;
};

bool hasErrors(const QList<Problem> &problems);
/** "row o3: Field “Город” (123) was deleted; row s2: …", for an Error message. */
QString summarise(const QList<Problem> &problems);
/** "Order fields: Field “Город” (123) was deleted; Statuses: …", for the operator (no row ids). */
QString describeForPeople(const QList<Problem> &problems);

} // namespace Mapping
