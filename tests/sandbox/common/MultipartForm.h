// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Sandbox {

/**
 * Decodes a multipart/form-data body (RFC 7578) into its (name, value) pairs, in order. File parts
 * keep their content as the value. @p contentType is the request's Content-Type header, which carries
 * the boundary. Returns false on a body without a usable boundary. Pure function; any thread.
 */
bool parseMultipartForm(const QByteArray &contentType, const QByteArray &body,
                        QList<QPair<QString, QString>> *fields);

} // namespace Sandbox
