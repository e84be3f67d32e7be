// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTableView;

namespace Gui {

/**
 * Sizes a table's fixed columns from what they show, in the view's own fonts, so a column is as wide as
 * its header and its widest value in the UI's language (a Russian header or date is longer than the
 * English one) and the stretching columns share the rest (their titles elide: ElidingHeader). Pure
 * widget helpers; GUI thread.
 */
namespace ColumnFit {

/** Makes @p column exactly wide enough for its header and each of @p samples (plus @p extra pixels for an
 *  icon); returns the width. */
int fit(QTableView *view, int column, const QStringList &samples = {}, int extra = 0);
/** Whether the header of @p column shows its whole title at the column's current width. */
bool headerFits(const QTableView *view, int column);

} // namespace ColumnFit

} // namespace Gui
