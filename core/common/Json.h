// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace Common::Json {

/** Parses a JSON object; anything else (array, garbage, empty) is an InvalidInput error. */
Result<QJsonObject> parseObject(const QByteArray &bytes);
/** Parses a JSON array; anything else is an InvalidInput error. */
Result<QJsonArray> parseArray(const QByteArray &bytes);

QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);
QByteArray indented(const QByteArray &json);

} // namespace Common::Json
