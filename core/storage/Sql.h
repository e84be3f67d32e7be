// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Database.h"
#include "common/Result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace Storage::Sql {

/**
 * Prepares and runs one statement on this thread's connection with positional `?` binds.
 * Errors are classified: busy/locked/serialization → Transient, lost connection → Unavailable
 * (and the connection is dropped so the next call reconnects), constraint → Permanent "constraint".
 */
Common::Result<QSqlQuery> exec(Database &db, const QString &sql, const QVariantList &binds = {});

/** Runs a statement and returns the first column of the first row (or an invalid QVariant). */
Common::Result<QVariant> scalar(Database &db, const QString &sql, const QVariantList &binds = {});

/** Runs a data-changing statement and returns the number of rows it touched. */
Common::Result<int> update(Database &db, const QString &sql, const QVariantList &binds = {});

Common::Error toError(const QSqlError &error, const QString &context);

/** Escapes %, _ and \ for a LIKE pattern used with ESCAPE '\'. */
QString likeEscape(const QString &text);

} // namespace Storage::Sql
