// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

namespace Sandbox {

/**
 * Decodes a query string or form body the way PHP does: '+' is a space, keys like
 * `filter[updated_at][from]` nest, `a[]` appends to a list. Values stay strings.
 */
QJsonObject parsePhpQuery(const QByteArray &raw);

/** The flat (key, value) pairs of a query string or form body, PHP decoding rules. */
QList<QPair<QString, QString>> parseFormPairs(const QByteArray &raw);

/** A list parameter given as "a,b", as ["a","b"] or as {"0":"a","1":"b"}. */
QStringList listParam(const QJsonValue &value);

} // namespace Sandbox
